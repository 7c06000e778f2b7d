package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentRollbackVerdictsTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void ofManyRollbacksAcceptedAtOnceOneRunsTheCompensationAndTheOthersAreRefused() {
        // Lookup and email are sampled too, so the task stays open after the refund's verdict.
        String taskId = harness.startRefund(5, "sampleAll");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        WorkflowStub stub = WorkflowStub.fromTyped(harness.stub(taskId));
        CountDownLatch compensationRuns = new CountDownLatch(1);
        harness.tools.holdCompensations = compensationRuns;

        // The first compensation is held, so every verdict passes the validator and is accepted.
        List<WorkflowUpdateHandle<ReviewResult>> handles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ReviewRequest rollback = TaskHarness.reviewRequest("a2", "olga", ReviewVerdict.ROLLBACK, "wrong order");
            handles.add(stub.startUpdate(options(rollback.reviewId()), rollback));
        }
        compensationRuns.countDown();
        List<String> outcomes = handles.stream().map(this::outcomeOf).toList();

        assertThat(outcomes).filteredOn("ROLLED_BACK"::equals).hasSize(1);
        assertThat(outcomes)
                .filteredOn(DecisionRefusal.ALREADY_REVIEWED::equals)
                .hasSize(5);
        assertThat(harness.tools.compensationAttempts).hasSize(1);
        assertThat(harness.tools.undone).containsOnlyKeys(taskId + "/a2/compensate");
    }

    @Test
    void theSameRollbackDeliveredTwiceGetsTheFirstAnswerAndRunsOnce() {
        String taskId = harness.startRefund(5, "sample");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        ReviewRequest rollback = TaskHarness.reviewRequest("a2", "olga", ReviewVerdict.ROLLBACK, "duplicate charge");
        WorkflowStub stub = WorkflowStub.fromTyped(harness.stub(taskId));

        // Different update ids, so the server hands both to the workflow; the review id binds them.
        WorkflowUpdateHandle<ReviewResult> first = stub.startUpdate(options("u1"), rollback);
        WorkflowUpdateHandle<ReviewResult> second = stub.startUpdate(options("u2"), rollback);

        assertThat(first.getResult()).isEqualTo(second.getResult());
        assertThat(first.getResult().review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(harness.tools.compensationAttempts).hasSize(1);
    }

    private static UpdateOptions<ReviewResult> options(String updateId) {
        return UpdateOptions.newBuilder(ReviewResult.class)
                .setUpdateName("review")
                .setUpdateId(updateId)
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                .build();
    }

    private String outcomeOf(WorkflowUpdateHandle<ReviewResult> handle) {
        try {
            return handle.getResult().review().state().name();
        } catch (WorkflowUpdateException refused) {
            return DecisionRefusal.typeOf(((ApplicationFailure) refused.getCause()).getType());
        }
    }
}
