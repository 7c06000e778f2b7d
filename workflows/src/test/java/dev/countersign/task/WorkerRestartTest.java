package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import io.temporal.worker.WorkerFactory;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerRestartTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void taskWaitingForApprovalCompletesOnAFreshWorkerWithExactlyOneExecution() throws Exception {
        String taskId = harness.startRefund(250);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        harness.env.getWorkerFactory().shutdownNow();
        harness.env.getWorkerFactory().awaitTermination(10, TimeUnit.SECONDS);

        WorkerFactory fresh = WorkerFactory.newInstance(harness.client);
        harness.register(fresh.newWorker(AgentTaskWorkflow.TASK_QUEUE, TaskHarness.NO_STICKY_CACHE));
        fresh.start();
        try {
            harness.decide(new DecisionRequest(
                    "alice-1", approvalId, "alice", Set.of("support-leads"), DecisionKind.APPROVE, null, null, ""));

            TaskView done = harness.result(taskId);

            assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
            assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
        } finally {
            fresh.shutdownNow();
        }
    }
}
