package dev.countersign.task;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.List;

/** Every run of a task, oldest first, followed from its first run through each continue-as-new. */
final class TaskRuns {

    private TaskRuns() {}

    /** Walks back from the latest run through each run's predecessor (the test server names no first run). */
    static List<WorkflowExecutionHistory> of(WorkflowClient client, String taskId) {
        List<WorkflowExecutionHistory> runs = new ArrayList<>();
        WorkflowExecutionHistory run = client.fetchHistory(taskId);
        while (true) {
            runs.add(0, run);
            String previous = run.getEvents()
                    .get(0)
                    .getWorkflowExecutionStartedEventAttributes()
                    .getContinuedExecutionRunId();
            if (previous.isEmpty()) {
                return runs;
            }
            run = client.fetchHistory(taskId, previous);
        }
    }

    static long bytes(WorkflowExecutionHistory run) {
        return run.getEvents().stream()
                .mapToLong(HistoryEvent::getSerializedSize)
                .sum();
    }

    /** The size of the state a run handed to the next, or 0 for the last run. */
    static long carriedBytes(WorkflowExecutionHistory run) {
        HistoryEvent last = run.getLastEvent();
        return last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
                ? last.getWorkflowExecutionContinuedAsNewEventAttributes()
                        .getInput()
                        .getSerializedSize()
                : 0;
    }
}
