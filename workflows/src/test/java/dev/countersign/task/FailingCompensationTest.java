package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.review.AttentionKind;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.tool.CompensationRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailingCompensationTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private String failedRollback() {
        String taskId = harness.startRefund(5, "sample");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        harness.tools.compensationsFail.set(true);
        ReviewResult failed = harness.review(taskId, "a2", "olga", ReviewVerdict.ROLLBACK, "wrong order");
        assertThat(failed.review().state()).isEqualTo(ReviewState.ROLLBACK_FAILED);
        assertThat(failed.compensation().error()).contains("the payment provider is down");
        return taskId;
    }

    @Test
    void compensationThatFailsThreeTimesLeavesTheTaskNeedingAttentionAndAnOperatorRetrySucceeds() {
        String taskId = failedRollback();

        assertThat(harness.tools.compensationAttempts).hasSize(TaskActivities.COMPENSATION_ATTEMPTS);
        TaskView attention = harness.stub(taskId).view();
        assertThat(attention.status()).isEqualTo(TaskStatus.NEEDS_ATTENTION);
        assertThat(TaskHarness.action(attention, "issue_refund").compensation().error())
                .contains("payment provider is down");

        harness.tools.compensationsFail.set(false);
        ReviewResult retried = harness.attend(taskId, "a2", "olga", AttentionKind.RETRY, "provider is back");

        assertThat(retried.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(retried.compensation().error()).isNull();
        assertThat(retried.compensation().runs()).isEqualTo(2);
        assertThat(harness.tools.compensationAttempts)
                .extracting(CompensationRequest::idempotencyKey)
                .containsOnly(taskId + "/a2/compensate");
        assertThat(harness.tools.undone).hasSize(1);
        assertThat(harness.awaitStatus(taskId, TaskStatus.COMPLETED).actions()).isNotEmpty();
    }

    @Test
    void taskThatNeedsAttentionDoesNotCompleteWhenItsWindowCloses() {
        String taskId = failedRollback();

        harness.skip(Duration.ofDays(3));

        assertThat(harness.stub(taskId).view().status()).isEqualTo(TaskStatus.NEEDS_ATTENTION);
    }

    @Test
    void operatorMarkingItResolvedByHandIsRecordedWithTheirName() {
        String taskId = failedRollback();

        ReviewResult resolved =
                harness.attend(taskId, "a2", "olga", AttentionKind.RESOLVE, "reversed in the provider's dashboard");

        assertThat(resolved.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(resolved.compensation().resolvedBy()).isEqualTo("olga");
        assertThat(resolved.compensation().resolution()).isEqualTo("reversed in the provider's dashboard");
        assertThat(resolved.compensation().error()).contains("payment provider is down");
        assertThat(harness.awaitStatus(taskId, TaskStatus.COMPLETED).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(harness.tools.undone).isEmpty();
    }
}
