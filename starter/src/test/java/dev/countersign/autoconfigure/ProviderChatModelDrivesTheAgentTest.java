package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.client.Countersign;
import dev.countersign.client.TaskWaits;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With no OPENAI_* variable, the ChatModel a Spring AI provider's starter creates drives the agents
 * file's agents; an agent that asks for confidence gets it with every call, and the policy reads it.
 */
class ProviderChatModelDrivesTheAgentTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final StarterFixtures.RefundTool refunds = new StarterFixtures.RefundTool();
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(StarterFixtures.RefundTool.class, () -> refunds)
            .withBean(ScriptedChatModel.class, () -> model)
            .withPropertyValues(
                    "countersign.policy.location=classpath:policies/confident-refunds.yaml",
                    "countersign.agents=classpath:agents/confident-refunds.yaml");

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void anUnsureCallWaitsForAReviewerAndRunsOnceWithoutItsConfidenceArgument() {
        model.call("issue_refund", "call_1", "{\"amount\":5,\"_confidence\":0.4}")
                .text("Refunded 5.");
        runner.run(context -> {
            Countersign countersign = context.getBean(Countersign.class);
            countersign.start(new TaskStart("unsure", "refunds", "refund order 7", Map.of(), "dave"));

            TaskView waiting = TaskWaits.until(countersign, "unsure", view -> view.pendingApproval() != null);
            assertThat(waiting.pendingApproval().confidence()).isEqualTo(0.4);
            assertThat(waiting.pendingApproval().args()).containsExactly(Map.entry("amount", 5));
            assertThat(refunds.runs).isEmpty();
            countersign.decide(new DecisionRequest(
                    "d1",
                    waiting.pendingApprovalId(),
                    "alice",
                    Set.of("support-leads"),
                    DecisionKind.APPROVE,
                    null,
                    null,
                    ""));
            TaskView done = TaskWaits.until(countersign, "unsure", view -> view.status() == TaskStatus.COMPLETED);

            assertThat(done.summary()).isEqualTo("Refunded 5.");
            assertThat(refunds.runs).hasSize(1);
            assertThat(refunds.runs.get(0).args()).isEqualTo(Map.of("amount", 5));
        });
    }

    @Test
    void aSureSmallCallRunsOnItsOwnAndTheModelWasAskedForItsConfidence() {
        model.call("issue_refund", "call_1", "{\"amount\":5,\"_confidence\":0.95}")
                .text("Refunded 5.");
        runner.run(context -> {
            Countersign countersign = context.getBean(Countersign.class);
            countersign.start(new TaskStart("sure", "refunds", "refund order 8", Map.of(), "dave"));

            TaskView done = TaskWaits.until(countersign, "sure", view -> view.status() == TaskStatus.COMPLETED);

            ActionView refund = done.actions().get(0);
            assertThat(refund.state()).isEqualTo(ActionState.EXECUTED);
            assertThat(refund.confidence()).isEqualTo(0.95);
            assertThat(refunds.runs).hasSize(1);
            ToolDefinition offered = ((ToolCallingChatOptions)
                            model.prompts.get(0).getOptions())
                    .getToolCallbacks()
                    .get(0)
                    .getToolDefinition();
            assertThat(offered.name()).isEqualTo("issue_refund");
            assertThat(offered.inputSchema())
                    .contains("\"_confidence\"")
                    .contains("\"required\":[\"amount\",\"_confidence\"]");
        });
    }
}
