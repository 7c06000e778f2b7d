package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.StepKind;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent with ask-human is offered the ask_human tool; calling it alone asks a person, and the
 * person's answer goes back to the model as that call's result. An agent without it cannot ask.
 */
class AskHumanIsAQuestionForAPersonTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void anAgentThatMayAskIsOfferedAskHumanAndItsCallBecomesAQuestion() {
        server.reply(ChatCompletionsJson.toolCalls(
                "I need to know which currency.",
                new Call(
                        "call_ask",
                        "ask_human",
                        "{\"question\":\"Refund in USD or EUR?\",\"options\":[\"USD\",\"EUR\"]}")));

        AgentStep step =
                agents.agent(server.baseUrl(), TestAgents.askingProfile()).nextStep(TestAgents.request());

        assertThat(step.kind()).isEqualTo(StepKind.QUESTION);
        assertThat(step.question()).isEqualTo(new Question("Refund in USD or EUR?", List.of("USD", "EUR"), "call_ask"));
        assertThat(toolNames(server.lastRequest())).containsExactly("lookup_order", "issue_refund", "ask_human");
    }

    @Test
    void theAnswerGoesBackAsTheResultOfTheAskHumanCall() {
        server.reply(ChatCompletionsJson.text("done"));
        ToolCall asked = new Question("Refund in USD or EUR?", List.of("USD", "EUR"), "call_ask").asCall();

        agents.agent(server.baseUrl(), TestAgents.askingProfile())
                .nextStep(TestAgents.request(new TranscriptEntry(
                        TranscriptKind.ANSWER,
                        null,
                        asked,
                        null,
                        "EUR, the customer paid in euros",
                        "dave",
                        Instant.parse("2026-01-01T00:00:00Z"))));

        JsonNode request = server.lastRequest();
        ChatCompletionsRequestChecker.assertValid(request);
        JsonNode answer = request.path("messages").get(request.path("messages").size() - 1);
        assertThat(answer.path("role").asText()).isEqualTo("tool");
        assertThat(answer.path("tool_call_id").asText()).isEqualTo("call_ask");
        assertThat(answer.path("content").asText()).isEqualTo("dave answered: EUR, the customer paid in euros");
    }

    @Test
    void besideOtherCallsTheQuestionIsLeftOutAndTheCallsGoFirst() {
        server.reply(ChatCompletionsJson.toolCalls(
                null,
                new Call("call_look", "lookup_order", "{\"orderId\":\"A-7\"}"),
                new Call("call_ask", "ask_human", "{\"question\":\"Which currency?\"}")));

        AgentStep step =
                agents.agent(server.baseUrl(), TestAgents.askingProfile()).nextStep(TestAgents.request());

        assertThat(step.kind()).isEqualTo(StepKind.TOOL_CALL);
        assertThat(step.toolCalls()).extracting(ToolCall::tool).containsExactly("lookup_order");
    }

    @Test
    void anAgentThatMayNotAskIsNotOfferedItAndItsCallIsJustAnUnknownTool() {
        server.reply(
                ChatCompletionsJson.toolCalls(null, new Call("call_ask", "ask_human", "{\"question\":\"Which?\"}")));

        AgentStep step = agents.agent(server).nextStep(TestAgents.request());

        assertThat(step.kind()).isEqualTo(StepKind.TOOL_CALL);
        assertThat(step.toolCall().tool()).isEqualTo("ask_human");
        assertThat(toolNames(server.lastRequest())).doesNotContain("ask_human");
        assertThat(agents.toolRuns()).isEmpty();
    }

    private static List<String> toolNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("tools")
                .forEach(tool -> names.add(tool.path("function").path("name").asText()));
        return names;
    }
}
