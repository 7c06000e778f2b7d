package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.review.RollbackResult;
import dev.countersign.tool.CompensationRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WholeTaskRollbackTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void wholeTaskRollbackRunsEveryCompensationNewestFirst() {
        String taskId = harness.startRefund(250, "sampleAll");
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);

        RollbackResult result = harness.rollback(taskId, "olga", "the customer withdrew the complaint");

        assertThat(result.actions()).extracting(ReviewResult::actionId).containsExactly("a3", "a2");
        assertThat(result.complete()).isTrue();
        assertThat(harness.tools.undoneInOrder).containsExactly("a3", "a2");
        CompensationRequest refund = harness.tools.undone.get(taskId + "/a2/compensate");
        assertThat(refund.compensation()).isEqualTo("reverse_refund");
        assertThat(refund.args()).containsEntry("amount", 250.0);
        assertThat(refund.result()).containsEntry("key", taskId + "/a2");
        assertThat(harness.tools.undone.get(taskId + "/a3/compensate").compensation())
                .isEqualTo("send_correction");

        TaskView view = harness.stub(taskId).view();
        assertThat(TaskHarness.action(view, "issue_refund").review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(TaskHarness.action(view, "issue_refund").compensation().result())
                .isEqualTo(Map.of("undone", "a2", "by", "reverse_refund"));
        // The lookup has nothing to undo and stays open for a verdict.
        assertThat(view.status()).isEqualTo(TaskStatus.IN_REVIEW);
        assertThat(TaskHarness.refusalOf(() -> harness.rollback(taskId, "olga", "again")))
                .isEqualTo(DecisionRefusal.NOTHING_TO_ROLL_BACK);

        harness.review(taskId, "a1", "olga", ReviewVerdict.OK, "");
        assertThat(harness.awaitStatus(taskId, TaskStatus.COMPLETED).summary()).contains("Refunded 250");
    }

    @Test
    void cancellingWithRollbackStopsTheAgentAndUndoesWhatRan() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5, "askAfterRefund", true), "dave");
        harness.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);

        harness.stub(taskId).cancelAndRollBack(new TaskMessage("dave", "wrong customer"));

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(done.summary()).contains("cancelled by dave: wrong customer; rolled back 1 action(s)");
        assertThat(TaskHarness.action(done, "issue_refund").review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(TaskHarness.action(done, "issue_refund").review().reviewer()).isEqualTo("dave");
        assertThat(harness.tools.undoneInOrder).containsExactly("a2");
        assertThat(harness.tools.executionsOf("send_email")).isZero();
    }

    @Test
    void cancellingWithoutRollbackLeavesWhatRan() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5, "askAfterRefund", true), "dave");
        harness.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);

        harness.stub(taskId).cancel(new TaskMessage("dave", "enough"));

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(TaskHarness.action(done, "issue_refund").review().state()).isEqualTo(ReviewState.NONE);
        assertThat(harness.tools.compensationAttempts).isEmpty();
    }
}
