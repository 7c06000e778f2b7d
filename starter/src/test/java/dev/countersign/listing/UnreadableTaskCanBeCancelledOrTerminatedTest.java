package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.task.TaskMessage;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancel and terminate reach a task through Temporal, whether or not it can answer. */
class UnreadableTaskCanBeCancelledOrTerminatedTest {

    private final ListingFixture fixture = new ListingFixture(Duration.ofMillis(300), 2);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aCancellationRequestReachesATaskThatCannotAnswer() {
        fixture.start(ListingFixture.SILENT, "silent-cancel");

        fixture.countersign.requestCancellation("silent-cancel", new TaskMessage("dave", "stuck"));

        assertThat(fixture.client().fetchHistory("silent-cancel").getHistory().getEventsList())
                .extracting(HistoryEvent::getEventType)
                .contains(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
    }

    @Test
    void aTerminatedTaskIsListedAsTerminatedWithWhoAndWhy() {
        fixture.start(ListingFixture.HEALTHY, "healthy-terminated");

        fixture.countersign.terminate("healthy-terminated", "olga", "wedged by a 3 MB goal");

        assertThat(fixture.countersign.read("healthy-terminated")).hasValueSatisfying(read -> {
            assertThat(read.readable()).isFalse();
            assertThat(read.unreadable().status()).isEqualTo("TERMINATED");
        });
        HistoryEvent last = fixture.client().fetchHistory("healthy-terminated").getLastEvent();
        assertThat(last.getWorkflowExecutionTerminatedEventAttributes().getReason())
                .isEqualTo("terminated by olga: wedged by a 3 MB goal");
        assertThat(fixture.failedReads("timeout") + fixture.failedReads("failed"))
                .as("an ended task is not a failed read")
                .isZero();
    }

    @Test
    void terminatingAnEndedTaskSaysItEnded() {
        fixture.start(ListingFixture.SILENT, "silent-twice");
        fixture.countersign.terminate("silent-twice", "olga", "first");

        assertThatThrownBy(() -> fixture.countersign.terminate("silent-twice", "olga", "again"))
                .isInstanceOf(TaskNotActive.class)
                .hasMessageContaining("TERMINATED");
        assertThatThrownBy(() ->
                        fixture.countersign.requestCancellation("silent-twice", new TaskMessage("dave", "too late")))
                .isInstanceOf(TaskNotActive.class);
    }

    @Test
    void terminatingOrCancellingAnUnknownTaskIsNotFound() {
        assertThatThrownBy(() -> fixture.countersign.terminate("no-such-task", "olga", "why"))
                .isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> fixture.countersign.requestCancellation("no-such-task", new TaskMessage("olga", "")))
                .isInstanceOf(TaskNotFound.class);
        assertThat(fixture.countersign.read("no-such-task")).isEmpty();
    }
}
