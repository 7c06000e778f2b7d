package dev.countersign.history;

import dev.countersign.client.TaskNotFound;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;

/**
 * Reads a task's story from its workflow's event history: what the agent proposed, what the
 * policy said, who decided what, what ran, and how the task ended. Payloads are decoded with the
 * client's DataConverter, so a codec configured on the client applies here too. A task that
 * continued as new is read over all its runs, oldest first, within the bounds of {@link TaskRuns}.
 */
public class TaskHistoryReader {

    private final WorkflowClient client;
    private final TemporalUiProperties ui;
    private final TaskRuns runs;

    /**
     * @param temporalUiUrl the Temporal Web UI's base URL to link each history to, or null for no
     *     link
     */
    public TaskHistoryReader(WorkflowClient client, String temporalUiUrl) {
        this(client, temporalUiUrl, new TaskRuns(client));
    }

    /** A reader whose runs are read by {@code runs}, for bounds other than the defaults. */
    public TaskHistoryReader(WorkflowClient client, String temporalUiUrl, TaskRuns runs) {
        this.client = client;
        this.ui = new TemporalUiProperties(temporalUiUrl);
        this.runs = runs;
    }

    /** The task's timeline, oldest first; throws {@link TaskNotFound} when no such task exists. */
    public TaskHistory read(String taskId) {
        RunHistories history = fetch(taskId);
        return new TaskHistory(
                taskId,
                ui.workflowUrl(client.getOptions().getNamespace(), taskId),
                TimelineBuilder.timeline(taskId, history, client.getOptions().getDataConverter()));
    }

    private RunHistories fetch(String taskId) {
        try {
            return runs.read(taskId);
        } catch (StatusRuntimeException failure) {
            if (failure.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new TaskNotFound("no task '" + taskId + "'");
            }
            throw failure;
        }
    }
}
