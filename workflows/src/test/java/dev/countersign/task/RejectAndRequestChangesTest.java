package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RejectAndRequestChangesTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void rejectionLeadsToAnApologyAndNoRefund() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        var result = harness.decide(taskId, "alice", DecisionKind.REJECT, null, null, "order was already refunded");

        assertThat(result.state()).isEqualTo(ApprovalState.REJECTED);
        TaskView done = harness.result(taskId);
        assertThat(done.actions().get(1).state()).isEqualTo(ActionState.REJECTED);
        assertThat(done.actions().get(1).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.reviewer()).isEqualTo("alice");
            assertThat(decision.decision()).isEqualTo(DecisionRecordKind.REJECT);
            assertThat(decision.comment()).isEqualTo("order was already refunded");
        });
        assertThat(done.actions().get(2).args().get("body").toString()).contains("already refunded");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void rejectionWithoutAReasonIsRefused() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.decide(taskId, "alice", DecisionKind.REJECT, null, null, " ")))
                .isEqualTo(DecisionRefusal.INVALID_DECISION);
        assertThat(harness.stub(taskId).view().status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);
    }

    @Test
    void requestedChangesLeadToANewProposalWithTheAmountFromTheFeedback() {
        String taskId = harness.startRefund(250);
        String first = harness.awaitPending(taskId).pendingApprovalId();

        var result = harness.decide(taskId, "alice", DecisionKind.REQUEST_CHANGES, null, null, "refund 120 instead");

        assertThat(result.state()).isEqualTo(ApprovalState.CHANGES_REQUESTED);
        TaskView again = harness.awaitView(
                taskId,
                view -> view.pendingApproval() != null
                        && !view.pendingApprovalId().equals(first));
        assertThat(again.pendingApproval().args()).containsEntry("amount", 120.0);
        assertThat(again.actions().get(1).state()).isEqualTo(ActionState.CHANGES_REQUESTED);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();

        harness.approve(taskId, "alice");
        harness.result(taskId);
        assertThat(harness.tools.effectsOf("issue_refund"))
                .singleElement()
                .satisfies(refund -> assertThat(refund.args()).containsEntry("amount", 120.0));
    }
}
