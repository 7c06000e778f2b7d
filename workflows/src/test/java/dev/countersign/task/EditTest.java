package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EditTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private static Map<String, Object> refund(Object amount) {
        return Map.of("orderId", "A-1", "amount", amount, "currency", "USD");
    }

    @Test
    void editedRefundRunsWithTheEditedAmount() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        DecisionResult result = harness.decide(taskId, "alice", DecisionKind.EDIT, refund(200), null, "partial refund");

        assertThat(result.state()).isEqualTo(ApprovalState.APPROVED);
        TaskView done = harness.result(taskId);
        assertThat(harness.tools.effectsOf("issue_refund"))
                .singleElement()
                .satisfies(refund -> assertThat(refund.args()).containsEntry("amount", 200));
        ActionView action = done.actions().get(1);
        assertThat(action.args()).containsEntry("amount", 200);
        assertThat(action.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decision()).isEqualTo(DecisionRecordKind.EDIT);
            assertThat(decision.args()).containsEntry("amount", 200);
        });
    }

    @Test
    void editBeyondTheTiersAuthorityEscalatesInsteadOfRunning() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        DecisionResult result = harness.decide(taskId, "alice", DecisionKind.EDIT, refund(2000), null, "");

        assertThat(result.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(result.approvals()).isZero();
        assertThat(result.required()).isEqualTo(2);
        assertThat(harness.stub(taskId).view().pendingApproval().groups()).containsExactly("finance");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void editWithInvalidArgumentsIsRefusedAndChangesNothing() {
        String taskId = harness.startRefund(250);
        String digest = harness.awaitPending(taskId).pendingApproval().argsDigest();

        assertThat(refusalOf(() -> harness.decide(taskId, "alice", DecisionKind.EDIT, refund("lots"), null, "")))
                .isEqualTo(DecisionRefusal.INVALID_DECISION);

        var pending = harness.stub(taskId).view().pendingApproval();
        assertThat(pending.argsDigest()).isEqualTo(digest);
        assertThat(pending.args()).containsEntry("amount", 250.0);
    }

    @Test
    void editThePolicyDeniesIsRefused() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.decide(taskId, "alice", DecisionKind.EDIT, refund(900_000), null, "")))
                .isEqualTo(DecisionRefusal.EDIT_DENIED);
        assertThat(harness.stub(taskId).view().pendingApproval().args()).containsEntry("amount", 250.0);
    }

    @Test
    void approvalWithTheDigestFromBeforeAnEditIsStaleAndWithTheNewOneCounts() {
        String taskId = harness.startRefund(5000);
        String oldDigest = harness.awaitPending(taskId).pendingApproval().argsDigest();

        DecisionResult edited = harness.decide(taskId, "bob", DecisionKind.EDIT, refund(4000), oldDigest, "");
        assertThat(edited.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(edited.approvals()).isEqualTo(1);
        assertThat(edited.argsDigest()).isNotEqualTo(oldDigest);

        assertThat(refusalOf(() -> harness.decide(taskId, "carol", DecisionKind.APPROVE, null, oldDigest, "")))
                .isEqualTo(DecisionRefusal.STALE_ARGS);
        assertThat(harness.stub(taskId).view().pendingApproval().approvals()).isEqualTo(1);

        DecisionResult approved = harness.decide(taskId, "carol", DecisionKind.APPROVE, null, edited.argsDigest(), "");
        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);

        harness.result(taskId);
        assertThat(harness.tools.effectsOf("issue_refund")).singleElement().satisfies(refund -> {
            assertThat(refund.args()).containsEntry("amount", 4000);
            assertThat(refund.argsDigest()).isEqualTo(edited.argsDigest());
        });
    }
}
