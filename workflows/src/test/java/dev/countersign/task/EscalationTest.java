package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRefusal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SLA timers per tier, run with the test environment's time skipping. */
class EscalationTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void silentTierEscalatesToTheNextWhenItsSlaPasses() {
        String taskId = harness.startRefund(15_000);
        var first = harness.awaitPending(taskId).pendingApproval();
        assertThat(first.groups()).containsExactly("finance");
        assertThat(first.escalatesAt()).isEqualTo(first.requestedAt().plus(Duration.ofHours(4)));

        harness.skip(Duration.ofHours(4).plusMinutes(1));

        var escalated = harness.awaitView(
                        taskId,
                        view -> view.pendingApproval() != null
                                && view.pendingApproval().groups().contains("finance-managers"))
                .pendingApproval();
        assertThat(escalated.required()).isEqualTo(1);
        assertThat(escalated.approvalId()).isEqualTo(first.approvalId());
        assertThat(harness.stub(taskId).view().actions().get(1).decisions())
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.reviewer()).isNull();
                    assertThat(record.decision()).isEqualTo(DecisionRecordKind.ESCALATE);
                });
    }

    /**
     * An unanswered refund, tier by tier in workflow time (the worker's acceptance suite used to wait
     * real seconds for this): each tier keeps the approval for exactly its SLA, the same approval moves
     * on, and each record names the SLA that passed.
     */
    @Test
    void unansweredRefundMovesOnExactlyWhenEachSlaPassesAndSaysWhichOne() {
        String taskId = harness.startRefund(15_000);
        var first = harness.awaitPending(taskId).pendingApproval();

        harness.skip(Duration.ofHours(4).minusMinutes(1));
        assertThat(harness.stub(taskId).view().pendingApproval().groups())
                .as("finance's SLA has a minute left")
                .containsExactly("finance");

        harness.skip(Duration.ofMinutes(2));
        var escalated = harness.awaitView(
                        taskId,
                        view -> view.pendingApproval() != null
                                && view.pendingApproval().groups().contains("finance-managers"))
                .pendingApproval();
        assertThat(escalated.approvalId()).isEqualTo(first.approvalId());
        assertThat(escalated.groups()).containsExactly("finance-managers");
        assertThat(escalated.required()).isEqualTo(1);
        assertThat(harness.stub(taskId).view().actions().get(1).decisions())
                .singleElement()
                .satisfies(record -> assertThat(record.comment())
                        .contains("nobody decided within PT4H in tier finance")
                        .contains("escalated to finance-managers"));

        harness.skip(Duration.ofHours(8).minusMinutes(2));
        assertThat(harness.stub(taskId).view().status())
                .as("the managers' SLA has a minute left")
                .isEqualTo(TaskStatus.AWAITING_APPROVAL);

        harness.skip(Duration.ofMinutes(2));
        TaskView done = harness.result(taskId);
        ActionView refund = done.actions().get(1);
        assertThat(refund.state()).isEqualTo(ActionState.TIMED_OUT);
        assertThat(refund.decisions())
                .extracting(DecisionRecord::decision)
                .containsExactly(DecisionRecordKind.ESCALATE, DecisionRecordKind.TIMEOUT);
        assertThat(refund.decisions().get(1).comment())
                .contains("nobody decided within PT8H in tier finance-managers")
                .contains("REJECT");
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void decisionAfterEscalationIsJudgedAgainstTheNewTier() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);
        harness.approve(taskId, "bob");
        harness.skip(Duration.ofHours(5));
        harness.awaitView(taskId, view -> view.pendingApproval().groups().contains("finance-managers"));

        assertThat(refusalOf(() -> harness.approve(taskId, "carol"))).isEqualTo(DecisionRefusal.NOT_AN_APPROVER);
        assertThat(harness.stub(taskId).view().pendingApproval().approvals())
                .as("bob's finance approval does not carry over")
                .isZero();

        assertThat(harness.approve(taskId, "frank").state()).isEqualTo(ApprovalState.APPROVED);
        harness.result(taskId);
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
    }

    @Test
    void lastTiersTimeoutIsRecordedAsATimeoutNotAsARejection() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);

        harness.skip(Duration.ofHours(13));

        TaskView done = harness.result(taskId);
        ActionView refund = done.actions().get(1);
        assertThat(refund.state()).isEqualTo(ActionState.TIMED_OUT);
        assertThat(refund.decisions()).extracting(DecisionRecord::reviewer).containsOnlyNulls();
        assertThat(refund.decisions())
                .extracting(DecisionRecord::decision)
                .containsExactly(DecisionRecordKind.ESCALATE, DecisionRecordKind.TIMEOUT);
        assertThat(refund.decisions().get(1).comment())
                .contains("nobody decided")
                .contains("REJECT");
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.actions().get(2).args().get("body").toString()).contains("nobody decided");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        assertThat(TranscriptKind.TIMED_OUT).isNotNull();
    }

    @Test
    void timeoutOutcomeCancelEndsTheTask() {
        String taskId = harness.startRefund(25_000);
        harness.awaitPending(taskId);

        harness.skip(Duration.ofHours(13));

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(done.actions().get(1).state()).isEqualTo(ActionState.TIMED_OUT);
        assertThat(done.summary()).contains("nobody decided");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        assertThat(harness.tools.executionsOf("send_email")).isZero();
    }

    @Test
    void timeoutOutcomeApproveRunsTheCallOnlyWhereTheRuleSaysSo() {
        String taskId = harness.startRefund(35_000);
        harness.awaitPending(taskId);

        harness.skip(Duration.ofHours(2));

        TaskView done = harness.result(taskId);
        ActionView refund = done.actions().get(1);
        assertThat(refund.state()).isEqualTo(ActionState.EXECUTED);
        assertThat(refund.decisions()).singleElement().satisfies(record -> {
            assertThat(record.reviewer()).isNull();
            assertThat(record.decision()).isEqualTo(DecisionRecordKind.TIMEOUT);
        });
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
    }

    @Test
    void approvalsCarryOverWhereTheNextTierSaysSo() {
        String taskId = harness.startRefund(45_000);
        harness.awaitPending(taskId);
        harness.approve(taskId, "bob");

        harness.skip(Duration.ofHours(5));

        var escalated = harness.awaitView(
                        taskId, view -> view.pendingApproval().groups().contains("finance-managers"))
                .pendingApproval();
        assertThat(escalated.approvers()).containsExactly("bob");
        assertThat(harness.approve(taskId, "frank").state()).isEqualTo(ApprovalState.APPROVED);
        harness.result(taskId);
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
    }

    @Test
    void decisionBeforeTheSlaStopsTheTimer() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);
        harness.approve(taskId, "bob");
        harness.approve(taskId, "carol");

        harness.skip(Duration.ofHours(20));

        TaskView done = harness.result(taskId);
        assertThat(done.actions().get(1).decisions())
                .extracting(DecisionRecord::decision)
                .containsExactly(DecisionRecordKind.APPROVE, DecisionRecordKind.APPROVE);
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
    }

    @Test
    void editRestartsTheTiersAndTheirSla() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);
        harness.skip(Duration.ofHours(3));

        harness.decide(
                taskId,
                "bob",
                dev.countersign.approval.DecisionKind.EDIT,
                java.util.Map.of("orderId", "A-1", "amount", 12_000, "currency", "USD"),
                null,
                "");
        harness.skip(Duration.ofHours(2));

        var pending = harness.stub(taskId).view().pendingApproval();
        assertThat(pending.groups()).as("the SLA restarted with the edit").containsExactly("finance");
        assertThat(pending.approvers()).containsExactly("bob");
    }
}
