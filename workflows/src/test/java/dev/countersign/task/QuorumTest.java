package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuorumTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void largeRefundNeedsTwoDistinctFinanceApprovers() {
        String taskId = harness.startRefund(5000);
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.approve(taskId, "alice"))).isEqualTo(DecisionRefusal.NOT_AN_APPROVER);

        DecisionResult first = harness.approve(taskId, "bob");
        assertThat(first.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(first.approvals()).isEqualTo(1);
        assertThat(first.required()).isEqualTo(2);
        assertThat(harness.stub(taskId).view().pendingApproval().approvers()).containsExactly("bob");

        assertThat(refusalOf(() -> harness.approve(taskId, "bob")))
                .isEqualTo(DecisionRefusal.ALREADY_APPROVED_BY_REVIEWER);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();

        DecisionResult second = harness.approve(taskId, "carol");
        assertThat(second.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(second.approvals()).isEqualTo(2);

        TaskView done = harness.result(taskId);
        assertThat(done.actions().get(1).decisions())
                .extracting(DecisionRecord::reviewer)
                .containsExactly("bob", "carol");
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
    }
}
