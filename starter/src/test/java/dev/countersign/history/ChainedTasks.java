package dev.countersign.history;

import static org.awaitility.Awaitility.await;

import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;

/** {@link ChainedTaskWorkflow} on a time-skipping test environment: tasks of three runs each. */
public final class ChainedTasks implements AutoCloseable {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    public final WorkflowClient client = env.getWorkflowClient();

    public ChainedTasks() {
        Worker worker = env.newWorker(AgentTaskWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(ChainedTaskWorkflowImpl.class);
        worker.registerActivitiesImplementations(new ChainedActivities());
        env.start();
    }

    /** Starts the task, answers each of its runs once, and waits for its end. */
    public void runToTheEnd(String taskId) {
        ChainedTaskWorkflow task = client.newWorkflowStub(
                ChainedTaskWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(taskId)
                        .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(task::run, new TaskStart(taskId, "chained", "write six notes", Map.of(), "dave"), null);
        String answeredRun = null;
        for (int run = 1; run <= ChainedTaskWorkflow.STEPS / ChainedTaskWorkflow.STEPS_PER_RUN; run++) {
            // Each answer goes to a run that has not had one: a stub by id alone reaches the latest run.
            String previous = answeredRun;
            answeredRun = await().atMost(Duration.ofSeconds(20))
                    .until(() -> latestRunId(taskId), runId -> !runId.equals(previous));
            client.newWorkflowStub(ChainedTaskWorkflow.class, taskId).answer(new TaskMessage("erin", "run " + run));
        }
        WorkflowStub.fromTyped(client.newWorkflowStub(ChainedTaskWorkflow.class, taskId))
                .getResult(String.class);
    }

    private String latestRunId(String taskId) {
        return client.newUntypedWorkflowStub(taskId).describe().getExecution().getRunId();
    }

    @Override
    public void close() {
        env.close();
    }
}
