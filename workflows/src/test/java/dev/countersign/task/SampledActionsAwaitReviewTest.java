package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SampledActionsAwaitReviewTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void sampledAutoRefundKeepsTheTaskInReviewUntilItsWindowCloses() {
        String taskId = harness.startRefund(5, "sample");

        TaskView inReview = harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        ActionView refund = TaskHarness.action(inReview, "issue_refund");
        assertThat(refund.review().state()).isEqualTo(ReviewState.SAMPLED);
        assertThat(refund.review().windowEndsAt()).isNotNull();
        assertThat(TaskHarness.action(inReview, "send_email").review().state()).isEqualTo(ReviewState.NONE);
        assertThat(inReview.summary()).contains("Refunded 5");

        harness.skip(Duration.ofHours(23));
        assertThat(harness.stub(taskId).view().status()).isEqualTo(TaskStatus.IN_REVIEW);

        harness.skip(Duration.ofHours(2));
        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(TaskHarness.action(done, "issue_refund").review().state()).isEqualTo(ReviewState.SAMPLED);
        assertThat(harness.tools.compensationAttempts).isEmpty();
    }

    @Test
    void refundTheSampleDidNotPickCompletesAtOnce() {
        String taskId = harness.startRefund(5);

        TaskView done = harness.awaitStatus(taskId, TaskStatus.COMPLETED);

        assertThat(done.actions())
                .allSatisfy(action -> assertThat(action.review().state()).isEqualTo(ReviewState.NONE));
    }

    @Test
    void aVerdictOnEverySampledActionCompletesTheTaskBeforeTheWindowCloses() {
        String taskId = harness.startRefund(5, "sample");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);

        harness.review(taskId, "a2", "olga", ReviewVerdict.OK, "looks right");

        TaskView done = harness.awaitStatus(taskId, TaskStatus.COMPLETED);
        ActionView refund = TaskHarness.action(done, "issue_refund");
        assertThat(refund.review().state()).isEqualTo(ReviewState.OK);
        assertThat(refund.review().reviewer()).isEqualTo("olga");
        assertThat(refund.review().comment()).isEqualTo("looks right");
        assertThat(refund.review().at()).isBefore(refund.review().windowEndsAt());
    }

    @Test
    void approvedRefundUnderReviewAwaitsAVerdictAndAFlagIsKeptWithItsRule() {
        String taskId = harness.startRefund(250, "review");
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");

        TaskView inReview = harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        assertThat(TaskHarness.action(inReview, "issue_refund").review().state())
                .isEqualTo(ReviewState.AWAITING);

        harness.review(taskId, "a2", "erin", ReviewVerdict.FLAG, "should have asked for the receipt");

        TaskView done = harness.awaitStatus(taskId, TaskStatus.COMPLETED);
        ActionView refund = TaskHarness.action(done, "issue_refund");
        assertThat(refund.review().state()).isEqualTo(ReviewState.FLAGGED);
        assertThat(refund.review().reviewer()).isEqualTo("erin");
        assertThat(refund.rule()).isEqualTo("medium-refunds");
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
    }
}
