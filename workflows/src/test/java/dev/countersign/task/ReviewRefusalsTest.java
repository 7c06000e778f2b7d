package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every review, rollback and operator Update refuses what it must, and a refusal changes nothing. */
class ReviewRefusalsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private String approvedRefundInReview() {
        return approvedRefundInReview("review");
    }

    private String approvedRefundInReview(String reviewSwitch) {
        String taskId = harness.startRefund(250, reviewSwitch);
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        return taskId;
    }

    @Test
    void rollbackAfterTheWindowClosedIsRefusedWithWhenItClosed() {
        String taskId = harness.startRefund(250, "sampleAll");
        harness.awaitPending(taskId);
        harness.skip(Duration.ofHours(2));
        harness.approve(taskId, "alice");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        harness.skip(Duration.ofHours(23));

        String closed = refusalOf(() -> harness.review(taskId, "a1", "olga", ReviewVerdict.ROLLBACK, ""));

        assertThat(closed).isEqualTo(DecisionRefusal.REVIEW_WINDOW_CLOSED);
        TaskView view = harness.stub(taskId).view();
        assertThat(view.status()).isEqualTo(TaskStatus.IN_REVIEW);
        assertThat(TaskHarness.action(view, "lookup_order").review().state()).isEqualTo(ReviewState.SAMPLED);
        // The refund ran two hours later, so its window is still open.
        assertThat(harness.review(taskId, "a2", "alice", ReviewVerdict.ROLLBACK, "")
                        .review()
                        .state())
                .isEqualTo(ReviewState.ROLLED_BACK);
    }

    @Test
    void requesterMayNotReviewTheirOwnTask() {
        String taskId = approvedRefundInReview();

        assertThat(refusalOf(() -> harness.review(taskId, "a2", "dave", ReviewVerdict.OK, "")))
                .isEqualTo(DecisionRefusal.REQUESTER_CANNOT_DECIDE);
        assertThat(refusalOf(() -> harness.rollback(taskId, "dave", "")))
                .isEqualTo(DecisionRefusal.REQUESTER_CANNOT_DECIDE);
    }

    @Test
    void onlyTheTierGroupsAndOperatorsReviewAnAction() {
        String taskId = approvedRefundInReview();

        assertThat(refusalOf(() -> harness.review(taskId, "a2", "bob", ReviewVerdict.OK, "")))
                .isEqualTo(DecisionRefusal.NOT_ALLOWED_TO_REVIEW);
        assertThat(refusalOf(() -> harness.rollback(taskId, "bob", "")))
                .isEqualTo(DecisionRefusal.NOT_ALLOWED_TO_REVIEW);
        assertThat(TaskHarness.action(harness.stub(taskId).view(), "issue_refund")
                        .review()
                        .state())
                .isEqualTo(ReviewState.AWAITING);
    }

    @Test
    void sampledAutoActionIsReviewedByOperatorsOnly() {
        String taskId = harness.startRefund(5, "sample");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);

        assertThat(refusalOf(() -> harness.review(taskId, "a2", "alice", ReviewVerdict.OK, "")))
                .isEqualTo(DecisionRefusal.NOT_ALLOWED_TO_REVIEW);
    }

    @Test
    void unknownActionsAndActionsNotUnderReviewAreRefused() {
        String taskId = approvedRefundInReview();

        assertThat(refusalOf(() -> harness.review(taskId, "a9", "alice", ReviewVerdict.OK, "")))
                .isEqualTo(DecisionRefusal.UNKNOWN_ACTION);
        assertThat(refusalOf(() -> harness.review(taskId, "a1", "olga", ReviewVerdict.OK, "")))
                .isEqualTo(DecisionRefusal.NOT_UNDER_REVIEW);
    }

    @Test
    void aFlagNeedsACommentAndASecondVerdictIsRefused() {
        // Lookup and email are sampled too, so the task stays open after the refund's verdict.
        String taskId = approvedRefundInReview("sampleAll");

        assertThat(refusalOf(() -> harness.review(taskId, "a2", "alice", ReviewVerdict.FLAG, " ")))
                .isEqualTo(DecisionRefusal.INVALID_DECISION);
        harness.review(taskId, "a2", "alice", ReviewVerdict.OK, "");
        assertThat(refusalOf(() -> harness.review(taskId, "a2", "olga", ReviewVerdict.ROLLBACK, "")))
                .isEqualTo(DecisionRefusal.ALREADY_REVIEWED);
        assertThat(harness.tools.compensationAttempts).isEmpty();
    }

    @Test
    void actionWithoutCompensationCannotBeRolledBack() {
        String taskId = harness.startRefund(5, "sampleAll");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);

        assertThat(refusalOf(() -> harness.review(taskId, "a1", "olga", ReviewVerdict.ROLLBACK, "")))
                .isEqualTo(DecisionRefusal.NO_COMPENSATION);
    }

    @Test
    void wholeTaskRollbackWaitsForTheAgentToStop() {
        String taskId = harness.startRefund(250, "review");
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.rollback(taskId, "olga", ""))).isEqualTo(DecisionRefusal.NOT_APPLICABLE);
    }

    @Test
    void cancellingATaskInReviewIsRefused() {
        String taskId = approvedRefundInReview();

        assertThat(refusalOf(() -> harness.stub(taskId).cancelAndRollBack(new TaskMessage("olga", ""))))
                .isEqualTo(DecisionRefusal.NOT_APPLICABLE);
        assertThat(refusalOf(() -> harness.stub(taskId).cancel(new TaskMessage("olga", ""))))
                .isEqualTo(DecisionRefusal.NOT_APPLICABLE);
    }

    @Test
    void onlyOperatorsRetryOrResolveAndOnlyWhatFailed() {
        String taskId = approvedRefundInReview();

        assertThat(refusalOf(() -> harness.attend(taskId, "a2", "alice", AttentionKind.RETRY, "")))
                .isEqualTo(DecisionRefusal.NOT_ALLOWED_TO_REVIEW);
        assertThat(refusalOf(() -> harness.attend(taskId, "a2", "olga", AttentionKind.RETRY, "")))
                .isEqualTo(DecisionRefusal.NOT_APPLICABLE);

        harness.tools.compensationsFail.set(true);
        harness.review(taskId, "a2", "alice", ReviewVerdict.ROLLBACK, "");
        assertThat(refusalOf(() -> harness.attend(taskId, "a2", "olga", AttentionKind.RESOLVE, "")))
                .isEqualTo(DecisionRefusal.INVALID_DECISION);
        assertThat(harness.stub(taskId).view().status()).isEqualTo(TaskStatus.NEEDS_ATTENTION);
    }
}
