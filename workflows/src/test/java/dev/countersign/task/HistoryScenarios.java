package dev.countersign.task;

import dev.countersign.approval.DecisionKind;
import java.time.Duration;
import java.util.Map;

/** Runs of the task worth keeping as recorded histories, each returning its task id once ended. */
final class HistoryScenarios {

    private HistoryScenarios() {}

    /** A $250 refund approved by a support lead. */
    static String approve(TaskHarness harness) {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        harness.result(taskId);
        return taskId;
    }

    /** A $2,000 refund edited down by one finance reviewer (their approval counts) and approved by another. */
    static String editThenQuorum(TaskHarness harness) {
        String taskId = harness.startRefund(2000);
        harness.awaitPending(taskId);
        harness.decide(
                taskId,
                "bob",
                DecisionKind.EDIT,
                Map.of("orderId", "A-1", "amount", 1500, "currency", "USD"),
                null,
                "partial refund");
        harness.approve(taskId, "carol");
        harness.result(taskId);
        return taskId;
    }

    static String reject(TaskHarness harness) {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);
        harness.decide(taskId, "alice", DecisionKind.REJECT, null, null, "order not eligible");
        harness.result(taskId);
        return taskId;
    }

    /** Changes requested; the agent proposes the amount named in the feedback, which is approved. */
    static String requestChanges(TaskHarness harness) {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);
        harness.decide(taskId, "alice", DecisionKind.REQUEST_CHANGES, null, null, "refund 100 instead");
        harness.awaitView(
                taskId,
                view -> view.pendingApproval() != null
                        && view.pendingApproval().args().get("amount").equals(100.0));
        harness.approve(taskId, "alice");
        harness.result(taskId);
        return taskId;
    }

    /** $15,000: finance lets its PT4H pass, the managers' tier is told and approves. */
    static String escalated(TaskHarness harness) {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);
        harness.skip(Duration.ofHours(4).plusMinutes(1));
        harness.awaitView(taskId, view -> view.pendingApproval().tier().equals("finance-managers"));
        harness.approve(taskId, "frank");
        harness.result(taskId);
        return taskId;
    }

    /** $15,000 nobody decides: both tiers' SLAs pass and the policy's timeout outcome rejects it. */
    static String timedOut(TaskHarness harness) {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);
        harness.skip(Duration.ofHours(13));
        harness.result(taskId);
        return taskId;
    }
}
