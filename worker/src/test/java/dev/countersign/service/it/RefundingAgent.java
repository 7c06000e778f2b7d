package dev.countersign.service.it;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * An agent that makes {@code calls} refunds, one a step: $5, which runs on its own, except at the
 * steps {@code needsApproval} picks, where it asks $250, which waits for a support lead. It reads
 * its progress from the whole conversation, so a conversation that came back incomplete across runs
 * shows as refunds made again or missing.
 */
final class RefundingAgent implements AgentModel {

    private final String name;
    private final int calls;
    private final IntPredicate needsApproval;

    RefundingAgent(String name, int calls, IntPredicate needsApproval) {
        this.name = name;
        this.calls = calls;
        this.needsApproval = needsApproval;
    }

    @Override
    public String agent() {
        return name;
    }

    @Override
    public AgentStep nextStep(AgentRequest request) {
        long done = request.transcript().stream()
                .filter(entry -> entry.kind() == TranscriptKind.TOOL_RESULT)
                .count();
        if (done >= calls) {
            return AgentStep.finish("made " + done + " refunds");
        }
        int step = (int) done + 1;
        int amount = needsApproval.test(step) ? 250 : 5;
        return AgentStep.call(
                new ToolCall(CountingRefund.NAME, Map.of("amount", amount), "refund " + step, 0.9, List.of()));
    }
}
