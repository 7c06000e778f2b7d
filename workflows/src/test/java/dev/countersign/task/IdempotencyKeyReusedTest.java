package dev.countersign.task;

import static dev.countersign.task.TaskHarness.GROUPS;
import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A decision id (the API's Idempotency-Key) answers a retry of the same decision with its first
 * result, and refuses a different decision under the same id instead of dropping it silently.
 */
class IdempotencyKeyReusedTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private static DecisionRequest decision(
            String key, String approvalId, String reviewer, DecisionKind kind, String digest, String comment) {
        return new DecisionRequest(key, approvalId, reviewer, GROUPS.get(reviewer), kind, null, digest, comment);
    }

    @Test
    void rejectWithTheKeyOfAnApprovalIsRefusedAndNamesTheApproval() {
        String taskId = harness.startRefund(250);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        harness.decide(decision("k1", approvalId, "alice", DecisionKind.APPROVE, null, ""));

        WorkflowUpdateException refused = catchThrowableOfType(
                WorkflowUpdateException.class,
                () -> harness.decide(
                        decision("k1", approvalId, "alice", DecisionKind.REJECT, null, "changed my mind")));

        ApplicationFailure failure = (ApplicationFailure) refused.getCause();
        assertThat(DecisionRefusal.typeOf(failure.getType())).isEqualTo(DecisionRefusal.IDEMPOTENCY_KEY_REUSED);
        assertThat(failure.getOriginalMessage())
                .startsWith("Idempotency-Key k1 was used for approve of " + approvalId + " at ")
                .endsWith("; a different decision needs a new key");
        TaskView done = harness.result(taskId);
        assertThat(TaskHarness.action(done, "issue_refund").decisions())
                .singleElement()
                .satisfies(d -> assertThat(d.decision()).isEqualTo(DecisionRecordKind.APPROVE));
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
    }

    @Test
    void theSameDecisionAgainGetsTheFirstAnswer() {
        String taskId = harness.startRefund(5000);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        DecisionRequest approve = decision("k1", approvalId, "bob", DecisionKind.APPROVE, null, "fine");

        DecisionResult first = harness.decide(approve);
        DecisionResult again = harness.decide(approve);

        assertThat(again).isEqualTo(first);
        assertThat(first.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(harness.stub(taskId).view().pendingApproval().approvals()).isEqualTo(1);
    }

    @Test
    void aDifferentCommentOrDigestUnderTheSameKeyIsADifferentDecision() {
        String taskId = harness.startRefund(5000);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        String digest = harness.stub(taskId).view().pendingApproval().argsDigest();
        harness.decide(decision("k1", approvalId, "bob", DecisionKind.APPROVE, digest, "fine"));

        assertThat(refusalOf(
                        () -> harness.decide(decision("k1", approvalId, "bob", DecisionKind.APPROVE, digest, "ok"))))
                .isEqualTo(DecisionRefusal.IDEMPOTENCY_KEY_REUSED);
        assertThat(refusalOf(
                        () -> harness.decide(decision("k1", approvalId, "bob", DecisionKind.APPROVE, null, "fine"))))
                .isEqualTo(DecisionRefusal.IDEMPOTENCY_KEY_REUSED);
        assertThat(refusalOf(() -> harness.decide(new DecisionRequest(
                        "k1",
                        approvalId,
                        "bob",
                        GROUPS.get("bob"),
                        DecisionKind.EDIT,
                        Map.of("orderId", "A-1", "amount", 4000),
                        digest,
                        "fine"))))
                .isEqualTo(DecisionRefusal.IDEMPOTENCY_KEY_REUSED);
        assertThat(harness.stub(taskId).view().pendingApproval().approvals()).isEqualTo(1);
    }

    @Test
    void aRefusedReuseLeavesNoEventInHistory() {
        String taskId = harness.startRefund(5000);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        harness.decide(decision("k1", approvalId, "bob", DecisionKind.APPROVE, null, ""));
        long before = updateEvents(taskId);

        refusalOf(() -> harness.decide(decision("k1", approvalId, "bob", DecisionKind.REJECT, null, "no")));

        assertThat(updateEvents(taskId)).isEqualTo(before);
        assertThat(harness.stub(taskId).view().pendingApproval()).isNotNull();
    }

    private long updateEvents(String taskId) {
        return harness.client.fetchHistory(taskId).getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .count();
    }
}
