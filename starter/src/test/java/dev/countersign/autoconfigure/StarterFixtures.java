package dev.countersign.autoconfigure;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.tool.ToolInvocation;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A refund tool and a one-step agent, as an application using the starter would declare them. */
final class StarterFixtures {

    private StarterFixtures() {}

    /** Countersign on the test environment's client, with the refunds policy and the refunder agent. */
    static ApplicationContextRunner refunder(TestWorkflowEnvironment env) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
                .withBean(WorkflowClient.class, env::getWorkflowClient)
                .withBean(OneRefundAgent.class, OneRefundAgent::new)
                .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml");
    }

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
