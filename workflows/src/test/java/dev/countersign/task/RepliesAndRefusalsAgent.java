package dev.countersign.task;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.util.List;
import java.util.Map;

/**
 * Looks the order up and proposes a 250 refund in one reply (as a language model may), proposes the
 * same refund again once a person refused it, and finishes with what the workflow said to that.
 */
class RepliesAndRefusalsAgent extends ConversationAgent {

    private static final Map<String, Object> REFUND = Map.of("orderId", "A-1", "amount", 250, "currency", "USD");

    @Override
    protected AgentStep next(AgentRequest request) {
        List<TranscriptEntry> transcript = request.transcript();
        if (transcript.isEmpty()) {
            return AgentStep.calls(List.of(
                    call("lookup_order", Map.of("orderId", "A-1"), "call_look"),
                    call("issue_refund", REFUND, "call_refund")));
        }
        TranscriptEntry last = transcript.get(transcript.size() - 1);
        if (last.kind() == TranscriptKind.DENIED) {
            return AgentStep.finish(last.text());
        }
        return AgentStep.calls(List.of(call("issue_refund", REFUND, "call_again")));
    }

    private static ToolCall call(String tool, Map<String, Object> args, String id) {
        return new ToolCall(tool, args, "the customer asked twice", null, List.of(), id);
    }
}
