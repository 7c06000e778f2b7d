package dev.countersign.task;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A long-running agent for workflow tests: one refund per step (a compensable tool), $5 and run on
 * its own, except at the given steps where it asks $250, which needs a support lead; it finishes once
 * it has proposed {@code calls} refunds. It reads its progress from the whole conversation, so it
 * fails the test if the conversation came back incomplete across runs.
 */
class LongAgent extends ConversationAgent {

    private final int calls;
    private final Set<Integer> approvalSteps;

    LongAgent(int calls, Set<Integer> approvalSteps) {
        this.calls = calls;
        this.approvalSteps = approvalSteps;
    }

    @Override
    protected AgentStep next(AgentRequest request) {
        long done = request.transcript().stream()
                .filter(entry -> entry.kind() == TranscriptKind.TOOL_RESULT)
                .count();
        if (done >= calls) {
            return AgentStep.finish("made " + done + " refunds");
        }
        int step = (int) done + 1;
        double amount = approvalSteps.contains(step) ? 250 : 5;
        return AgentStep.call(new ToolCall(
                "issue_refund",
                Map.of("orderId", "A-" + step, "amount", amount, "currency", "USD"),
                "refund " + step + " of " + calls,
                0.9,
                List.of()));
    }
}
