package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.review.AttentionKind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutcomeUnknownTest {

    private final RefundTestAgent agent = new RefundTestAgent();
    private final TaskHarness harness = new TaskHarness(agent);
    private String taskId;

    @BeforeEach
    void refundWhoseWorkerDiesMidCall() {
        harness.tools.diesMidCall.add("issue_refund");
        taskId = harness.startRefund(5);
        harness.awaitStatus(taskId, TaskStatus.NEEDS_ATTENTION);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void callThatMayHaveReachedTheToolIsNotRunAgainAndWaitsForAnOperator() {
        TaskView view = harness.stub(taskId).view();

        ActionView refund = TaskHarness.action(view, "issue_refund");
        assertThat(refund.state()).isEqualTo(ActionState.OUTCOME_UNKNOWN);
        assertThat(refund.error()).contains("may have reached issue_refund");
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
        assertThat(harness.tools.executionsOf("issue_refund")).isEqualTo(2);
        assertThat(harness.tools.executionsOf("send_email")).isZero();
    }

    @Test
    void operatorConfirmingItDoneCountsItExecutedAndTheAgentGoesOn() {
        harness.attend(taskId, "a2", "olga", AttentionKind.DONE, "the ledger shows the refund");

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        ActionView refund = TaskHarness.action(done, "issue_refund");
        assertThat(refund.state()).isEqualTo(ActionState.EXECUTED);
        assertThat(refund.result())
                .containsEntry("outcome", "done")
                .containsEntry("confirmedBy", "olga")
                .containsEntry("comment", "the ledger shows the refund");
        TranscriptEntry told = toldAbout("a2");
        assertThat(told.kind()).isEqualTo(TranscriptKind.TOOL_RESULT);
        assertThat(told.by()).isEqualTo("olga");
        assertThat(TaskHarness.action(done, "send_email").args().get("body")).isEqualTo("Refunded 5.0");
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
    }

    @Test
    void operatorSayingItWasNotDoneFailsItWithTheirReasonAndTheAgentGoesOn() {
        harness.attend(taskId, "a2", "olga", AttentionKind.NOT_DONE, "no refund in the ledger");

        TaskView done = harness.result(taskId);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        ActionView refund = TaskHarness.action(done, "issue_refund");
        assertThat(refund.state()).isEqualTo(ActionState.FAILED);
        assertThat(refund.error()).isEqualTo("not done, says operator olga: no refund in the ledger");
        assertThat(toldAbout("a2").kind()).isEqualTo(TranscriptKind.TOOL_FAILED);
        assertThat((String) TaskHarness.action(done, "send_email").args().get("body"))
                .startsWith("Sorry, no refund: not done, says operator olga");
    }

    @Test
    void settlingIsRefusedToNonOperatorsWithoutCommentOrOnAKnownOutcome() {
        assertThat(TaskHarness.refusalOf(() -> harness.attend(taskId, "a2", "alice", AttentionKind.DONE, "seen it")))
                .isEqualTo(DecisionRefusal.NOT_ALLOWED_TO_REVIEW);
        assertThat(TaskHarness.refusalOf(() -> harness.attend(taskId, "a2", "olga", AttentionKind.NOT_DONE, " ")))
                .isEqualTo(DecisionRefusal.INVALID_DECISION);
        assertThat(TaskHarness.refusalOf(() -> harness.attend(taskId, "a1", "olga", AttentionKind.DONE, "looked")))
                .isEqualTo(DecisionRefusal.NOT_APPLICABLE);
        assertThat(TaskHarness.refusalOf(() -> harness.attend(taskId, "a9", "olga", AttentionKind.DONE, "looked")))
                .isEqualTo(DecisionRefusal.UNKNOWN_ACTION);
        assertThat(TaskHarness.refusalOf(() -> harness.attend(taskId, "a2", "olga", AttentionKind.RETRY, "again")))
                .isEqualTo(DecisionRefusal.NOT_APPLICABLE);
        assertThat(harness.stub(taskId).view().status()).isEqualTo(TaskStatus.NEEDS_ATTENTION);
    }

    private TranscriptEntry toldAbout(String actionId) {
        List<TranscriptEntry> told = agent.requests.stream()
                .flatMap(request -> request.entries().stream())
                .filter(entry -> actionId.equals(entry.actionId()))
                .toList();
        return told.get(told.size() - 1);
    }
}
