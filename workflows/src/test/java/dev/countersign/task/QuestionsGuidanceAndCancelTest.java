package dev.countersign.task;

import static dev.countersign.task.TaskHarness.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.approval.DecisionRefusal;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuestionsGuidanceAndCancelTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void agentQuestionWaitsForAnAnswerAndThenGoesOn() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5.0, "ask", true), "dave");

        TaskView asking = harness.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);
        assertThat(asking.question().text()).isEqualTo("Which currency?");
        assertThat(asking.question().options()).containsExactly("USD", "EUR");

        harness.stub(taskId).answer(new TaskMessage("alice", "USD"));

        assertThat(harness.result(taskId).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void answerWithoutAnOpenQuestionIsNotApplicable() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        assertThat(refusalOf(() -> harness.stub(taskId).answer(new TaskMessage("alice", "yes"))))
                .isEqualTo(DecisionRefusal.NOT_APPLICABLE);
    }

    @Test
    void cancellingAWaitingTaskClosesItsApprovalAndRunsNothing() {
        String taskId = harness.startRefund(250);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();

        harness.stub(taskId).cancel(new TaskMessage("olga", "customer withdrew"));

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(done.summary()).contains("olga").contains("customer withdrew");
        assertThat(done.actions().get(1).state()).isEqualTo(ActionState.CANCELLED);
        assertThat(done.pendingApprovalId()).isNull();
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        assertThat(approvalId).isNotNull();
    }

    @Test
    void cancellingAnEndedTaskIsRefusedByTheServer() {
        String taskId = harness.startRefund(5);
        harness.result(taskId);

        assertThatThrownBy(() -> harness.stub(taskId).cancel(new TaskMessage("olga", "")))
                .isInstanceOf(WorkflowNotFoundException.class);
    }

    @Test
    void guidanceReachesTheAgentBeforeItsNextStep() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        harness.stub(taskId).guide(new TaskMessage("alice", "be kind to this customer"));
        harness.approve(taskId, "alice");

        TaskView done = harness.result(taskId);
        assertThat(done.actions().get(2).args().get("body").toString()).contains("be kind to this customer");
    }
}
