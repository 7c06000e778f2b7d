package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import io.temporal.api.enums.v1.EventType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleApproverTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void mediumRefundWaitsForASupportLeadAndRunsOnceApproved() {
        String taskId = harness.startRefund(250);

        TaskView waiting = harness.awaitPending(taskId);
        assertThat(waiting.status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);
        PendingApproval pending = waiting.pendingApproval();
        assertThat(pending.groups()).containsExactly("support-leads");
        assertThat(pending.required()).isEqualTo(1);
        assertThat(pending.args()).containsEntry("amount", 250.0);
        assertThat(pending.argsDigest()).isNotBlank();
        assertThat(pending.rule()).isEqualTo("medium-refunds");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();

        DecisionResult result = harness.approve(taskId, "alice");

        assertThat(result.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(result.approvals()).isEqualTo(1);
        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        ActionView refund = done.actions().get(1);
        assertThat(refund.state()).isEqualTo(ActionState.EXECUTED);
        assertThat(refund.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.reviewer()).isEqualTo("alice");
            assertThat(decision.decision()).isEqualTo(DecisionRecordKind.APPROVE);
        });
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
    }

    @Test
    void secondApprovalAfterTheDecisionIsAConflict() {
        String taskId = harness.startRefund(250);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        harness.approve(taskId, "alice");

        String refusal = refusalOf(() -> harness.decide(new dev.countersign.approval.DecisionRequest(
                "again",
                approvalId,
                "alice",
                TaskHarness.GROUPS.get("alice"),
                dev.countersign.approval.DecisionKind.APPROVE,
                null,
                null,
                "")));

        assertThat(refusal).isEqualTo(DecisionRefusal.ALREADY_DECIDED);
        harness.result(taskId);
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
    }

    @Test
    void reviewerOutsideTheTiersGroupsIsNotAnApprover() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.approve(taskId, "bob"))).isEqualTo(DecisionRefusal.NOT_AN_APPROVER);
        assertThat(harness.stub(taskId).view().pendingApproval().approvals()).isZero();
    }

    @Test
    void requesterMayNotApproveTheirOwnTaskEvenWhenInTheGroup() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 250.0), "erin");
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.approve(taskId, "erin"))).isEqualTo(DecisionRefusal.REQUESTER_CANNOT_DECIDE);
    }

    @Test
    void refusedDecisionLeavesNoEventInHistory() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        refusalOf(() -> harness.approve(taskId, "bob"));

        assertThat(harness.client.fetchHistory(taskId).getEvents())
                .noneMatch(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    }

    @Test
    void decisionOnAnUnknownApprovalIsRefused() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        String refusal = refusalOf(() -> harness.decide(new dev.countersign.approval.DecisionRequest(
                "x",
                taskId + ".a9",
                "alice",
                TaskHarness.GROUPS.get("alice"),
                dev.countersign.approval.DecisionKind.APPROVE,
                null,
                null,
                "")));

        assertThat(refusal).isEqualTo(DecisionRefusal.UNKNOWN_APPROVAL);
    }
}
