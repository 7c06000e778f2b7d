package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentDecisionsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private DecisionRequest approval(String id, String approvalId, String reviewer) {
        return new DecisionRequest(
                id, approvalId, reviewer, Set.of("support-leads"), DecisionKind.APPROVE, null, null, "");
    }

    @Test
    void ofManyApprovalsStartedAtOnceExactlyOneWinsAndTheToolRunsOnce() throws Exception {
        String taskId = harness.startRefund(250);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        WorkflowStub stub = WorkflowStub.fromTyped(harness.stub(taskId));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                DecisionRequest request = approval("d" + i, approvalId, "lead" + i);
                outcomes.add(CompletableFuture.supplyAsync(() -> outcomeOf(stub, request), pool));
            }
            List<String> results =
                    outcomes.stream().map(CompletableFuture::join).toList();

            assertThat(results).filteredOn("APPROVED"::equals).hasSize(1);
            assertThat(results)
                    .filteredOn(DecisionRefusal.ALREADY_DECIDED::equals)
                    .hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        harness.result(taskId);
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(1);
    }

    private static String outcomeOf(WorkflowStub stub, DecisionRequest request) {
        try {
            WorkflowUpdateHandle<DecisionResult> handle = stub.startUpdate(
                    UpdateOptions.newBuilder(DecisionResult.class)
                            .setUpdateName("decide")
                            .setUpdateId(request.decisionId())
                            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                            .build(),
                    request);
            return handle.getResultAsync().join().state().name();
        } catch (WorkflowUpdateException e) {
            return DecisionRefusal.typeOf(((ApplicationFailure) e.getCause()).getType());
        } catch (java.util.concurrent.CompletionException e) {
            WorkflowUpdateException update = (WorkflowUpdateException) e.getCause();
            return DecisionRefusal.typeOf(((ApplicationFailure) update.getCause()).getType());
        }
    }

    @Test
    void theSameDecisionDeliveredTwiceGetsTheEarlierAnswerAndCountsOnce() {
        String taskId = harness.startRefund(5000);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        DecisionRequest bob = new DecisionRequest(
                "bob-1", approvalId, "bob", Set.of("finance"), DecisionKind.APPROVE, null, null, "");

        DecisionResult first = harness.decide(bob);
        DecisionResult again = harness.decide(bob);

        assertThat(again).isEqualTo(first);
        assertThat(first.state()).isEqualTo(ApprovalState.PENDING);
        assertThat(harness.stub(taskId).view().pendingApproval().approvals()).isEqualTo(1);
        assertThat(harness.stub(taskId).view().actions().get(1).decisions()).hasSize(1);
    }

    @Test
    void concurrentEditAndApprovalNeverApproveArgumentsTheReviewerDidNotSee() throws Exception {
        String taskId = harness.startRefund(5000);
        var pending = harness.awaitPending(taskId).pendingApproval();
        harness.approve(taskId, "bob");
        WorkflowStub stub = WorkflowStub.fromTyped(harness.stub(taskId));
        DecisionRequest edit = new DecisionRequest(
                "edit",
                pending.approvalId(),
                "bob",
                Set.of("finance"),
                DecisionKind.EDIT,
                java.util.Map.of("orderId", "A-1", "amount", 4000, "currency", "USD"),
                pending.argsDigest(),
                "");
        DecisionRequest carol = new DecisionRequest(
                "carol", pending.approvalId(), "carol", Set.of("finance"), DecisionKind.APPROVE, null, null, "");

        CompletableFuture<String> edited = CompletableFuture.supplyAsync(() -> outcomeOf(stub, edit));
        CompletableFuture<String> approved = CompletableFuture.supplyAsync(() -> outcomeOf(stub, carol));
        String editOutcome = edited.join();
        String carolOutcome = approved.join();

        if (DecisionRefusal.STALE_ARGS.equals(carolOutcome)) {
            // The edit won the race: carol decided on arguments that no longer exist, so she must look again.
            var now = harness.stub(taskId).view().pendingApproval();
            assertThat(editOutcome).isEqualTo("PENDING");
            assertThat(now.args()).containsEntry("amount", 4000);
            assertThat(harness.tools.executionsOf("issue_refund")).isZero();
            harness.decide(new DecisionRequest(
                    "carol-2",
                    now.approvalId(),
                    "carol",
                    Set.of("finance"),
                    DecisionKind.APPROVE,
                    null,
                    now.argsDigest(),
                    ""));
        }
        harness.result(taskId);
        var refunds = harness.tools.effectsOf("issue_refund");
        assertThat(refunds).hasSize(1);
        var action = harness.stub(taskId).view().actions().get(1);
        assertThat(refunds.get(0).argsDigest()).isEqualTo(action.argsDigest());
        assertThat(refunds.get(0).args()).isEqualTo(action.args());
    }

    @Test
    void aDecisionIdReusedByAnotherReviewerIsRefusedRatherThanAnsweredWithTheirResult() {
        String taskId = harness.startRefund(5000);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        harness.decide(new DecisionRequest(
                "key-1", approvalId, "bob", Set.of("finance"), DecisionKind.APPROVE, null, null, ""));

        String refusal = TaskHarness.refusalOf(() -> harness.decide(new DecisionRequest(
                "key-1", approvalId, "carol", Set.of("finance"), DecisionKind.APPROVE, null, null, "")));

        assertThat(refusal).isEqualTo(DecisionRefusal.INVALID_DECISION);
        assertThat(harness.stub(taskId).view().pendingApproval().approvers()).containsExactly("bob");
    }
}
