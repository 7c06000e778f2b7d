package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Within a task, a call identical to one a person rejected or sent back is refused by the workflow
 * without asking anyone again, and the agent is told who said what; this holds across runs.
 */
class RefusedCallsStayRefusedTest {

    /** Proposes the same refund until it is refused without a person, then finishes with what it was told. */
    private static final class Insistent extends ConversationAgent {
        @Override
        protected AgentStep next(AgentRequest request) {
            List<TranscriptEntry> transcript = request.transcript();
            TranscriptEntry last = transcript.isEmpty() ? null : transcript.get(transcript.size() - 1);
            if (last != null && last.kind() == TranscriptKind.DENIED) {
                return AgentStep.finish(last.text());
            }
            return AgentStep.call(new ToolCall(
                    "issue_refund",
                    Map.of("orderId", "A-1", "amount", 250, "currency", "USD"),
                    "the customer insists",
                    null,
                    List.of()));
        }
    }

    private final Insistent agent = new Insistent();
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theSameCallAfterARejectionIsRefusedWithoutAskingAgain() {
        String taskId = harness.startRefund(250);
        refuse(taskId, DecisionKind.REJECT, "not eligible for a refund");

        TaskView done = harness.result(taskId);

        assertThat(done.actions())
                .extracting(ActionView::state)
                .containsExactly(ActionState.REJECTED, ActionState.DENIED);
        assertThat(done.actions().get(1).decisions())
                .as("nobody was asked again")
                .isEmpty();
        assertThat(done.summary())
                .contains("alice rejected this exact call (a1): not eligible for a refund.")
                .startsWith("not asked again");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    @Test
    void aCallSentBackIsNotAskedAgainUnchangedEvenAfterTheTaskContinuedAsNew() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 250), "dave", new StepBudget(10, 1));
        refuse(taskId, DecisionKind.REQUEST_CHANGES, "refund 200, the shipping is not refunded");

        TaskView done = harness.result(taskId);

        assertThat(TaskRuns.of(harness.client, taskId)).hasSizeGreaterThan(1);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.summary()).contains("alice sent back this exact call (a1): refund 200");
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
    }

    private void refuse(String taskId, DecisionKind kind, String comment) {
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();
        harness.decide(new DecisionRequest(
                "refuse-" + taskId, approvalId, "alice", TaskHarness.GROUPS.get("alice"), kind, null, null, comment));
    }
}
