package dev.countersign.client;

import dev.countersign.task.TaskSearchAttributes;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;

/** The options every start of a task's workflow shares: its id, the task queue, and its first search attributes. */
final class TaskStartOptions {

    private TaskStartOptions() {}

    /**
     * The workflow id is the task id; the task is known to visibility from the start, so a task whose
     * very first workflow task fails still shows its requester, who may then see and cancel it.
     */
    static WorkflowOptions.Builder of(TaskStart start, String taskQueue) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(start.taskId())
                .setTaskQueue(taskQueue)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(TaskSearchAttributes.STATUS, TaskStatus.RUNNING.name())
                        .set(TaskSearchAttributes.REQUESTER, start.requester())
                        .build());
    }
}
