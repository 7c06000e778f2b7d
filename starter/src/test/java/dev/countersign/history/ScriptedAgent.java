package dev.countersign.history;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.util.List;
import java.util.Map;

/**
 * An agent with fixed behaviour, for stories the recorded histories do not tell, served through the
 * real agent activities so that it reads the whole conversation from their transcript store. Input
 * {@code {"story": "steer"}}: it asks which way to refund, then tries a charge back that fails, then
 * gives up. Any other input: it proposes a refund of 500.
 */
final class ScriptedAgent implements AgentModel {

    @Override
    public String agent() {
        return "scripted";
    }

    @Override
    public AgentStep nextStep(AgentRequest request) {
        if (!"steer".equals(request.input().get("story"))) {
            return AgentStep.call(new ToolCall("issue_refund", Map.of("amount", 500), "asked to", 0.8, List.of()));
        }
        if (!seen(request, TranscriptKind.ANSWER)) {
            return AgentStep.ask(new Question("Refund to the card or as store credit?", List.of("card", "credit")));
        }
        if (!seen(request, TranscriptKind.TOOL_FAILED)) {
            return AgentStep.call(new ToolCall("charge_back", Map.of("orderId", "A-7"), "card chosen", 0.7, List.of()));
        }
        return AgentStep.finish("Could not charge the card back.");
    }

    private static boolean seen(AgentRequest request, TranscriptKind kind) {
        return request.transcript().stream().map(TranscriptEntry::kind).anyMatch(kind::equals);
    }
}
