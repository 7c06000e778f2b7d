package dev.countersign.autoconfigure;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A refund tool and a one-step agent, as an application using the starter would declare them. */
final class StarterFixtures {

    private StarterFixtures() {}

    static final class RefundTool implements Tool {

        final List<ToolInvocation> runs = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "issue_refund";
        }

        @Override
        public ArgumentSchema schema() {
            return ArgumentSchema.of(
                    Map.of("amount", ArgumentSpec.number("how much", new BigDecimal("0.01"), null)), "amount");
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            runs.add(invocation);
            return Map.of("refunded", invocation.args().get("amount"));
        }
    }

    /** Refunds the input's amount once, then finishes. */
    static final class OneRefundAgent implements AgentModel {

        @Override
        public String agent() {
            return "refunder";
        }

        @Override
        public AgentStep nextStep(dev.countersign.agent.AgentRequest request) {
            if (request.transcript().stream().anyMatch(entry -> entry.kind() != TranscriptKind.GUIDANCE)) {
                return AgentStep.finish("done");
            }
            return AgentStep.call(new ToolCall(
                    "issue_refund", Map.of("amount", request.input().get("amount")), "asked to", 0.9, List.of()));
        }
    }
}
