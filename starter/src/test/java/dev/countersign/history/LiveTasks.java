package dev.countersign.history;

import dev.countersign.activities.agent.AgentActivitiesImpl;
import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.activities.task.TaskArchiveActivitiesImpl;
import dev.countersign.client.TaskWaits;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.AgentTaskWorkflowImpl;
import dev.countersign.task.TaskSearchAttributes;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;

/**
 * The task workflow with {@link ScriptedAgent} (through the real agent activities over an in-memory
 * store) and {@link ScriptedActivities} on a time-skipping Temporal test environment.
 */
final class LiveTasks implements AutoCloseable {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    final WorkflowClient client = env.getWorkflowClient();

    LiveTasks() {
        TaskSearchAttributes.ALL.forEach(key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
        Worker worker = env.newWorker(AgentTaskWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(AgentTaskWorkflowImpl.class);
        InMemoryTaskStore store = new InMemoryTaskStore();
        worker.registerActivitiesImplementations(
                new AgentActivitiesImpl(List.of(new ScriptedAgent()), store),
                new TaskArchiveActivitiesImpl(store),
                new dev.countersign.record.DecisionRecordActivitiesImpl(
                        new dev.countersign.record.InMemoryDecisionRecordStore(java.time.Clock.systemUTC())),
                new ScriptedActivities());
        env.start();
    }

    AgentTaskWorkflow start(String taskId, Map<String, Object> input) {
        AgentTaskWorkflow task = client.newWorkflowStub(
                AgentTaskWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(taskId)
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(task::run, new TaskStart(taskId, "scripted", "refund order A-7", input, "dave"), null);
        return task;
    }

    /** Reads the task's view until it has this status, for at most 20 seconds. */
    static void awaitStatus(AgentTaskWorkflow task, TaskStatus status) {
        TaskWaits.until("task reaches " + status, task::view, view -> view.status() == status);
    }

    static TaskView result(AgentTaskWorkflow task) {
        return WorkflowStub.fromTyped(task).getResult(TaskView.class);
    }

    @Override
    public void close() {
        env.close();
    }
}
