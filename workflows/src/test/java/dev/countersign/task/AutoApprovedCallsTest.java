package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AutoApprovedCallsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void smallRefundRunsWithoutAnyApproval() {
        String taskId = harness.startRefund(5);

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.actions())
                .extracting(ActionView::tool)
                .containsExactly("lookup_order", "issue_refund", "send_email");
        assertThat(done.actions()).allSatisfy(action -> {
            assertThat(action.verdict()).isEqualTo(Outcome.AUTO);
            assertThat(action.state()).isEqualTo(ActionState.EXECUTED);
            assertThat(action.decisions()).isEmpty();
        });
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
        assertThat(done.summary()).contains("Refunded 5");
    }

    @Test
    void eachToolExecutionCarriesAnIdempotencyKeyFromTaskAndAction() {
        String taskId = harness.startRefund(5);
        harness.result(taskId);

        assertThat(harness.tools.invocations)
                .extracting(invocation -> invocation.idempotencyKey())
                .containsExactly(taskId + "/a1", taskId + "/a2", taskId + "/a3");
    }

    @Test
    void deniedCallNeverRunsAndTheAgentIsTold() {
        String taskId = harness.startRefund(500_000);

        TaskView done = harness.result(taskId);

        ActionView refund = done.actions().get(1);
        assertThat(refund.state()).isEqualTo(ActionState.DENIED);
        assertThat(refund.reason()).contains("never made");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        assertThat(done.actions().get(2).args().get("body").toString()).contains("never made");
    }

    @Test
    void invalidArgumentsNeverReachAReviewerOrATool() {
        String taskId = harness.startRefund(-3);

        TaskView done = harness.result(taskId);

        assertThat(done.actions().get(1).state()).isEqualTo(ActionState.DENIED);
        assertThat(done.actions().get(1).reason()).contains("invalid arguments");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }
}
