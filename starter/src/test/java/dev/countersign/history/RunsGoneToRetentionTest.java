package dev.countersign.history;

import static dev.countersign.history.SeamEvents.continuedAsNew;
import static dev.countersign.history.SeamEvents.started;
import static dev.countersign.history.SeamEvents.workflowCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention deletes the histories of closed runs, and a run that continued as new is closed while
 * its task still runs: the reader then reads back from the latest run to the oldest one kept.
 */
class RunsGoneToRetentionTest {

    private static final String TASK = "t-old";

    private final WorkflowClient client = mock(WorkflowClient.class);

    @Test
    void readsTheRunsStillKeptAndSaysTheBeginningIsMissing() {
        List<HistoryEvent> second = List.of(started(1, "run-1", Map.of("taskId", TASK)), continuedAsNew(2, "run-3"));
        List<HistoryEvent> third = List.of(started(1, "run-2", Map.of("taskId", TASK)), workflowCompleted(2, "done"));
        when(client.fetchHistory(TASK)).thenReturn(history(third));
        when(client.fetchHistory(TASK, "run-1")).thenThrow(Status.NOT_FOUND.asRuntimeException());
        when(client.fetchHistory(TASK, "run-2")).thenReturn(history(second));

        RunHistories runs = new TaskRuns(client).read(TASK);

        assertThat(runs.beginningMissing()).isTrue();
        assertThat(runs.runs()).extracting(RunHistory::runId).containsExactly("run-2", "");
        assertThat(runs.runs()).extracting(RunHistory::events).containsExactly(second, third);
    }

    @Test
    void aServerThatDoesNotNameTheFirstRunIsReadBackToIt() {
        List<HistoryEvent> first = List.of(started(1, "", Map.of("taskId", TASK)), continuedAsNew(2, "run-2"));
        HistoryEvent named = started(1, "run-1", Map.of("taskId", TASK));
        HistoryEvent unnamed = named.toBuilder()
                .setWorkflowExecutionStartedEventAttributes(
                        named.getWorkflowExecutionStartedEventAttributes().toBuilder()
                                .clearFirstExecutionRunId())
                .build();
        List<HistoryEvent> second = List.of(unnamed, workflowCompleted(2, "done"));
        when(client.fetchHistory(TASK)).thenReturn(history(second));
        when(client.fetchHistory(TASK, "run-1")).thenReturn(history(first));

        RunHistories runs = new TaskRuns(client).read(TASK);

        assertThat(runs.beginningMissing()).isFalse();
        assertThat(runs.runs()).extracting(RunHistory::events).containsExactly(first, second);
    }

    @Test
    void aRunThatIsNotFoundForAnotherReasonIsNotMistakenForRetention() {
        List<HistoryEvent> third = List.of(started(1, "run-2", Map.of("taskId", TASK)), workflowCompleted(2, "done"));
        when(client.fetchHistory(TASK)).thenReturn(history(third));
        when(client.fetchHistory(TASK, "run-1")).thenThrow(Status.UNAVAILABLE.asRuntimeException());

        assertThatThrownBy(() -> new TaskRuns(client).read(TASK)).hasMessageContaining("UNAVAILABLE");
    }

    private static WorkflowExecutionHistory history(List<HistoryEvent> events) {
        return new WorkflowExecutionHistory(
                History.newBuilder().addAllEvents(events).build(), TASK);
    }
}
