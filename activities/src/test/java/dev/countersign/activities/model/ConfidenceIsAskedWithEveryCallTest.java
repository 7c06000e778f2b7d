package dev.countersign.activities.model;

import static dev.countersign.activities.model.ChatCompletionsJson.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent with {@code ask-confidence} offers every tool with a required {@code _confidence}
 * argument, and each call's confidence is taken out of its arguments, so what is approved, digested
 * and run is exactly the tool's own arguments.
 */
class ConfidenceIsAskedWithEveryCallTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void everyToolIsOfferedWithARequiredConfidenceInARequestOpenAiAccepts() {
        server.reply(ChatCompletionsJson.text("done"));

        agents.agent(server.baseUrl(), confident()).nextStep(TestAgents.request());

        ChatCompletionsRequestChecker.assertValid(server.lastRequest());
        for (JsonNode tool : server.lastRequest().path("tools")) {
            JsonNode parameters = tool.path("function").path("parameters");
            assertThat(parameters
                            .path("properties")
                            .path("_confidence")
                            .path("type")
                            .asText())
                    .isEqualTo("number");
            assertThat(parameters
                            .path("properties")
                            .path("_confidence")
                            .path("maximum")
                            .asInt())
                    .isEqualTo(1);
            assertThat(parameters.path("required").toString()).contains("\"_confidence\"");
        }
    }

    @Test
    void theConfidenceBecomesTheCallsAndLeavesItsArguments() {
        server.reply(toolCalls(
                "Refunding the late parcel.",
                new Call("call_a", "issue_refund", "{\"orderId\":\"A-7\",\"amount\":12.5,\"_confidence\":0.62}")));

        AgentStep step = agents.agent(server.baseUrl(), confident()).nextStep(TestAgents.request());

        ToolCall call = step.toolCalls().get(0);
        assertThat(call.confidence()).isEqualTo(0.62);
        assertThat(call.args()).isEqualTo(Map.of("orderId", "A-7", "amount", 12.5));
        assertThat(ArgsDigest.of(call.tool(), call.args()))
                .isEqualTo(ArgsDigest.of("issue_refund", Map.of("orderId", "A-7", "amount", 12.5)));
        assertThat(agents.toolRuns()).isEmpty();
    }

    @Test
    void aConfidenceOutsideZeroToOneIsDroppedAndTheCallHasNone() {
        server.reply(toolCalls(
                "",
                new Call("call_a", "lookup_order", "{\"orderId\":\"A-7\",\"_confidence\":7}"),
                new Call("call_b", "lookup_order", "{\"orderId\":\"A-8\",\"_confidence\":\"very\"}")));

        AgentStep step = agents.agent(server.baseUrl(), confident()).nextStep(TestAgents.request());

        assertThat(step.toolCalls()).allSatisfy(call -> {
            assertThat(call.confidence()).isNull();
            assertThat(call.args()).doesNotContainKey("_confidence");
        });
    }

    @Test
    void anAgentThatDoesNotAskOffersNoConfidenceAndKeepsAStrayOneForTheSchemaToRefuse() {
        server.reply(toolCalls("", new Call("call_a", "lookup_order", "{\"orderId\":\"A-7\",\"_confidence\":0.9}")));

        AgentStep step = agents.agent(server).nextStep(TestAgents.request());

        assertThat(server.lastRequest().path("tools").toString()).doesNotContain("_confidence");
        assertThat(step.toolCalls().get(0).confidence()).isNull();
        assertThat(agents.registry.violations(
                        "lookup_order", step.toolCalls().get(0).args()))
                .containsExactly("'_confidence' is not an argument of this tool");
    }

    private static AgentSetup confident() {
        AgentSetup plain = TestAgents.profile();
        return new AgentSetup(plain.name(), plain.instructions(), plain.model(), plain.tools(), false, true);
    }
}
