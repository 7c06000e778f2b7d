package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.client.TaskNotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnknownTaskHistoryTest {

    private final LiveTasks tasks = new LiveTasks();

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void historyOfATaskThatDoesNotExistIsTaskNotFound() {
        TaskHistoryReader reader = new TaskHistoryReader(tasks.client, null);

        assertThatThrownBy(() -> reader.read("no-such-task"))
                .isInstanceOf(TaskNotFound.class)
                .hasMessage("no task 'no-such-task'");
    }
}
