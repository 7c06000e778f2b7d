package dev.countersign.activities.model;

import static dev.countersign.activities.model.ChatCompletionsJson.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.TokenUsage;
import dev.countersign.agent.ToolCall;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParallelToolCallsBecomeOneStepTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void severalToolCallsInOneReplyAreOneStepInTheirOrder() {
        server.reply(toolCalls(
                "Let me look both orders up, then refund.",
                new Call("call_a", "lookup_order", "{\"orderId\":\"A-7\"}"),
                new Call("call_b", "lookup_order", "{\"orderId\":\"A-8\"}"),
                new Call("call_c", "issue_refund", "{\"orderId\":\"A-7\",\"amount\":12.5}")));

        AgentStep step = agents.agent(server).nextStep(TestAgents.request());

        assertThat(step.kind()).isEqualTo(StepKind.TOOL_CALL);
        assertThat(step.toolCalls())
                .extracting(ToolCall::id, ToolCall::tool, ToolCall::args)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("call_a", "lookup_order", Map.of("orderId", "A-7")),
                        org.assertj.core.groups.Tuple.tuple("call_b", "lookup_order", Map.of("orderId", "A-8")),
                        org.assertj.core.groups.Tuple.tuple(
                                "call_c", "issue_refund", Map.of("orderId", "A-7", "amount", 12.5)));
        assertThat(step.toolCalls()).allSatisfy(call -> {
            assertThat(call.rationale()).isEqualTo("Let me look both orders up, then refund.");
            assertThat(call.confidence()).isNull();
            assertThat(call.tags()).isEmpty();
        });
        assertThat(agents.toolRuns()).isEmpty();
    }

    @Test
    void aReplyWithoutToolCallsFinishesWithItsText() {
        server.reply(ChatCompletionsJson.text("Order A-7 was refunded."));

        AgentStep step = agents.agent(server).nextStep(TestAgents.request());

        assertThat(step.withUsage(null)).isEqualTo(AgentStep.finish("Order A-7 was refunded."));
    }

    @Test
    void theReplysTokenUsageIsReported() {
        server.reply(ChatCompletionsJson.text("done"));

        AgentStep step = agents.agent(server).nextStep(TestAgents.request());

        assertThat(step.usage()).isEqualTo(new TokenUsage(120, 30, 150));
        assertThat(step.tokens()).isEqualTo(150);
    }

    @Test
    void theRequestNamesTheModelAndSendsTheKey() {
        server.reply(ChatCompletionsJson.text("done"));

        agents.agent(server).nextStep(TestAgents.request());

        OpenAiStub.Received request = server.received().get(0);
        assertThat(request.body().path("model").asText()).isEqualTo("gpt-test");
        assertThat(request.authorization()).isEqualTo("Bearer " + TestAgents.KEY);
        assertThat(request.body().path("stream").asBoolean(false)).isFalse();
    }
}
