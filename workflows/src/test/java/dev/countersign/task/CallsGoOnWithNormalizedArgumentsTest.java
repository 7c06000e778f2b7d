package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the tool normalizes a call's arguments before the policy judges them (a relative path made
 * absolute, an order id in upper case), the call goes on with what was judged: reviewers see it, the
 * approval is bound to its digest, and the tool runs with it; an edit is normalized the same way.
 */
class CallsGoOnWithNormalizedArgumentsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void reviewersSeeAndTheToolRunsWithTheNormalizedArguments() {
        String taskId = harness.start(Map.of("orderId", " a-7 ", "amount", 250), TaskHarness.REQUESTER);
        PendingApproval pending = harness.awaitPending(taskId).pendingApproval();

        assertThat(pending.args()).containsEntry("orderId", "A-7");
        assertThat(pending.argsDigest())
                .isEqualTo(RefundTestPolicy.digest(
                        "issue_refund", Map.of("orderId", "A-7", "amount", 250, "currency", "USD")));

        harness.approve(taskId, "alice");
        TaskView done = harness.result(taskId);

        assertThat(harness.tools.effectsOf("issue_refund"))
                .singleElement()
                .satisfies(refund -> assertThat(refund.args()).containsEntry("orderId", "A-7"));
        assertThat(TaskHarness.action(done, "issue_refund").args()).containsEntry("orderId", "A-7");
    }

    @Test
    void anEditIsNormalizedBeforeItIsJudgedAndRecorded() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        DecisionResult result = harness.decide(
                taskId,
                "alice",
                DecisionKind.EDIT,
                Map.of("orderId", "a-1", "amount", 200, "currency", " eur"),
                null,
                "in euros");

        assertThat(result.state()).isEqualTo(ApprovalState.APPROVED);
        TaskView done = harness.result(taskId);
        ActionView refund = TaskHarness.action(done, "issue_refund");
        assertThat(refund.args()).containsEntry("orderId", "A-1").containsEntry("currency", "EUR");
        assertThat(refund.decisions())
                .singleElement()
                .satisfies(edit -> assertThat(edit.args()).containsEntry("currency", "EUR"));
        assertThat(harness.tools.effectsOf("issue_refund"))
                .singleElement()
                .satisfies(ran -> assertThat(ran.args()).containsEntry("currency", "EUR"));
    }
}
