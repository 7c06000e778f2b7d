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
 * A model reply with several tool calls becomes as many actions, taken in order, each through the
 * policy and, where it says so, its own approval; the next request answers every call by its id.
 */
class RepliesWithSeveralCallsTest {

    /** Looks the order up, refunds 250 (a support lead approves) and emails, all in one reply. */
    private static final class ThreeCallsAtOnce extends ConversationAgent {
        @Override
        protected AgentStep next(AgentRequest request) {
            if (request.transcript().isEmpty()) {
                return AgentStep.calls(List.of(
                        call("lookup_order", Map.of("orderId", "A-1"), "call_1"),
                        call("issue_refund", Map.of("orderId", "A-1", "amount", 250, "currency", "USD"), "call_2"),
                        call("send_email", Map.of("to", "customer@example.com", "body", "refunded"), "call_3")));
            }
            return AgentStep.finish("answered " + request.transcript().size() + " calls");
        }

        private static ToolCall call(String tool, Map<String, Object> args, String id) {
            return new ToolCall(tool, args, "the customer asked for a refund", null, List.of(), id);
        }
    }

    private final ThreeCallsAtOnce agent = new ThreeCallsAtOnce();
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void callsOfOneReplyRunInOrderEachWithItsOwnApproval() {
        String taskId = harness.startRefund(250);

        TaskView waiting = harness.awaitPending(taskId);
        assertThat(waiting.pendingApproval().tool()).isEqualTo("issue_refund");
        assertThat(harness.tools.executionsOf("lookup_order")).isEqualTo(1);
        assertThat(harness.tools.executionsOf("send_email"))
                .as("the email waits for the refund before it")
                .isZero();

        harness.approve(taskId, "alice");
        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.actions())
                .extracting(ActionView::tool)
                .containsExactly("lookup_order", "issue_refund", "send_email");
        assertThat(done.actions()).extracting(ActionView::state).containsOnly(ActionState.EXECUTED);
        assertThat(agent.requests)
                .as("one model call for the three, one after them")
                .hasSize(2);
        assertThat(answeredIds()).containsExactly("call_1", "call_2", "call_3");
        assertThat(done.summary()).isEqualTo("answered 3 calls");
    }

    @Test
    void aRejectedCallIsAnsweredAndTheCallsAfterItStillGoThroughThePolicy() {
        String taskId = harness.startRefund(250);
        String approvalId = harness.awaitPending(taskId).pendingApprovalId();

        harness.decide(new DecisionRequest(
                "no-refund",
                approvalId,
                "alice",
                TaskHarness.GROUPS.get("alice"),
                DecisionKind.REJECT,
                null,
                null,
                "not eligible"));
        TaskView done = harness.result(taskId);

        assertThat(done.actions())
                .extracting(ActionView::state)
                .containsExactly(ActionState.EXECUTED, ActionState.REJECTED, ActionState.EXECUTED);
        assertThat(harness.tools.executionsOf("issue_refund")).isZero();
        List<TranscriptEntry> answers = agent.requests.get(1).entries();
        assertThat(answers)
                .extracting(TranscriptEntry::kind)
                .containsExactly(TranscriptKind.TOOL_RESULT, TranscriptKind.REJECTED, TranscriptKind.TOOL_RESULT);
        assertThat(answers.get(1).text()).contains("not eligible");
        assertThat(answeredIds()).containsExactly("call_1", "call_2", "call_3");
    }

    @Test
    void callsStillQueuedAreCarriedWhenTheTaskContinuesAsNew() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 250), "dave", new StepBudget(10, 1));

        TaskView waiting = harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        TaskView done = harness.result(taskId);

        assertThat(TaskRuns.of(harness.client, taskId))
                .as("the task continued as new between the calls of one reply")
                .hasSizeGreaterThan(1);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.actions())
                .as("the executed lookup went to the archive at the handover; the queued calls came along")
                .extracting(ActionView::tool)
                .containsExactly("issue_refund", "send_email");
        assertThat(List.of("lookup_order", "issue_refund", "send_email"))
                .allSatisfy(tool ->
                        assertThat(harness.tools.executionsOf(tool)).as(tool).isEqualTo(1));
        assertThat(waiting.pendingApproval().tool()).isEqualTo("issue_refund");
    }

    private List<String> answeredIds() {
        return agent.requests.get(1).entries().stream()
                .map(entry -> entry.call().id())
                .toList();
    }
}
