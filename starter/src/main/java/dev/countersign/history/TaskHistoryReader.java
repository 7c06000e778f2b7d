package dev.countersign.history;

import dev.countersign.client.TaskNotFound;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;

/**
 * Reads a task's story from its workflow's event history: what the agent proposed, what the
 * policy said, who decided what, what ran, and how the task ended. Payloads are decoded with the
 * client's DataConverter, so a codec configured on the client applies here too.
 */
public class TaskHistoryReader {

    private final WorkflowClient client;
    private final TemporalUiProperties ui;

    /**
     * @param temporalUiUrl the Temporal Web UI's base URL to link each history to, or null for no
     *     link
     */
    public TaskHistoryReader(WorkflowClient client, String temporalUiUrl) {
        this.client = client;
        this.ui = new TemporalUiProperties(temporalUiUrl);
    }

    /** The task's timeline, oldest first; throws {@link TaskNotFound} when no such task exists. */
    public TaskHistory read(String taskId) {
        WorkflowExecutionHistory history = fetch(taskId);
        return new TaskHistory(
                taskId,
                ui.workflowUrl(client.getOptions().getNamespace(), taskId),
                TimelineBuilder.timeline(
                        taskId, history.getEvents(), client.getOptions().getDataConverter()));
    }

    private WorkflowExecutionHistory fetch(String taskId) {
        try {
            return client.fetchHistory(taskId);
        } catch (StatusRuntimeException failure) {
            if (failure.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new TaskNotFound("no task '" + taskId + "'");
            }
            throw failure;
        }
    }
}
