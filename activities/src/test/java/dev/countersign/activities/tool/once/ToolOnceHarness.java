package dev.countersign.activities.tool.once;

import dev.countersign.activities.tool.ActivityHeartbeat;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.tool.ToolInvocation;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real tool activity, with the SDK's heartbeats, under the task's retry policy on Temporal's
 * time-skipping test server: what each attempt sees of the one before is what production sees.
 */
final class ToolOnceHarness implements AutoCloseable {

    private static final String QUEUE = "tools";

    private final TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance();
    private final LedgerTool tool;

    ToolOnceHarness(LedgerTool tool) {
        this.tool = tool;
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(ToolCallingWorkflowImpl.class);
        worker.registerActivitiesImplementations(new ToolActivitiesImpl(new ToolRegistry(List.of(tool))));
        environment.start();
    }

    /** Runs the call to its end, with the task's heartbeat timeout, and answers how it ended. */
    String call() {
        return stub().call(invocation(), Duration.ofSeconds(20));
    }

    /**
     * Runs the call with a heartbeat timeout shorter than the heartbeat interval: the server hears the
     * attempt start, then nothing, as from a worker that died; it times the attempt out and retries.
     */
    String callOnAWorkerThatFallsSilent() {
        String outcome = stub().call(invocation(), ActivityHeartbeat.INTERVAL.dividedBy(5));
        tool.release.countDown();
        return outcome;
    }

    private ToolCallingWorkflow stub() {
        return environment
                .getWorkflowClient()
                .newWorkflowStub(
                        ToolCallingWorkflow.class,
                        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());
    }

    private static ToolInvocation invocation() {
        return new ToolInvocation(
                "task-1",
                "a1",
                "transfer_funds",
                Map.of("amount", 10),
                null,
                ToolInvocation.idempotencyKey("task-1", "a1"));
    }

    @Override
    public void close() {
        tool.release.countDown();
        environment.close();
    }
}
