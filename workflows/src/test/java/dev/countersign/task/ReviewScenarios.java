package dev.countersign.task;

import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewVerdict;
import java.time.Duration;

/** Post-action review runs worth keeping as recorded histories, each returning its task id once ended. */
final class ReviewScenarios {

    private ReviewScenarios() {}

    /** An approved refund and a sampled email: the email is found ok, the refund rolled back. */
    static String reviewAndRollback(TaskHarness harness) {
        String taskId = harness.startRefund(250, "sampleAll");
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        harness.review(taskId, "a3", "olga", ReviewVerdict.OK, "");
        harness.review(taskId, "a2", "alice", ReviewVerdict.ROLLBACK, "refunded the wrong order");
        harness.skip(Duration.ofHours(25));
        harness.result(taskId);
        return taskId;
    }

    /** A sampled small refund whose rollback fails three times, then an operator's retry succeeds. */
    static String failedCompensationRetried(TaskHarness harness) {
        String taskId = harness.startRefund(5, "sample");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        harness.tools.compensationsFail.set(true);
        harness.review(taskId, "a2", "olga", ReviewVerdict.ROLLBACK, "wrong order");
        harness.tools.compensationsFail.set(false);
        harness.attend(taskId, "a2", "olga", AttentionKind.RETRY, "provider is back");
        harness.result(taskId);
        return taskId;
    }

    /** A $5 refund whose worker died mid-call: its outcome unknown, an operator confirms it was done. */
    static String outcomeUnknownConfirmedDone(TaskHarness harness) {
        harness.tools.diesMidCall.add("issue_refund");
        String taskId = harness.startRefund(5);
        harness.awaitStatus(taskId, TaskStatus.NEEDS_ATTENTION);
        harness.attend(taskId, "a2", "olga", AttentionKind.DONE, "the ledger shows the refund");
        harness.result(taskId);
        return taskId;
    }
}
