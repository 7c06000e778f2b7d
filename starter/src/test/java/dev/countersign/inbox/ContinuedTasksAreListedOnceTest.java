package dev.countersign.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.countersign.history.ChainedTasks;
import io.temporal.client.WorkflowClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each run of a task that continued as new is an execution of its own (the test server lists them
 * as closed with status ContinuedAsNew): listings show the task once, by its latest run.
 */
class ContinuedTasksAreListedOnceTest {

    private static ChainedTasks tasks;

    @BeforeAll
    static void twoTasksOfThreeRunsEach() {
        tasks = new ChainedTasks();
        tasks.runToTheEnd("older");
        tasks.runToTheEnd("newer");
    }

    @AfterAll
    static void stop() {
        tasks.close();
    }

    @Test
    void aScanListsEachTaskOnce() {
        assertThat(new ScanningTaskDirectory(tasks.client).recentTaskIds(10)).containsExactly("newer", "older");
    }

    @Test
    void aVisibilityQueryAsksForTheLatestRunsOnly() {
        WorkflowClient client = mock(WorkflowClient.class);
        when(client.listExecutions(anyString())).thenReturn(Stream.empty());

        new VisibilityTaskDirectory(client).recentTaskIds(5);

        verify(client).listExecutions(VisibilityTaskDirectory.TASKS + " AND ExecutionStatus != 'ContinuedAsNew'");
    }
}
