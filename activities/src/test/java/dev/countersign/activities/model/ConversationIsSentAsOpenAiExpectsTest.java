package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConversationIsSentAsOpenAiExpectsTest {

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void theInstructionsComeFirstThenTheGoalAndInput() {
        JsonNode messages = send();

        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You are a careful support agent.");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).path("content").asText())
                .startsWith("refund order A-7")
                .contains("{\"orderId\":\"A-7\"}");
    }

    @Test
    void everyCallIsAnsweredRightAfterItByItsId() {
        JsonNode messages = send(
                entry(TranscriptKind.TOOL_RESULT, call("call_a", "lookup_order"), Map.of("status", "shipped"), null),
                entry(
                        TranscriptKind.REJECTED,
                        call("call_b", "issue_refund"),
                        null,
                        "the customer already got a voucher"),
                entry(TranscriptKind.CHANGES_REQUESTED, call(null, "issue_refund"), null, "refund 10, not 12.50"),
                entry(TranscriptKind.DENIED, call("call_d", "issue_refund"), null, "refunds above 500 are forbidden"),
                entry(TranscriptKind.TIMED_OUT, call("call_e", "issue_refund"), null, "finance waited 4h"),
                entry(TranscriptKind.TOOL_FAILED, call("call_f", "lookup_order"), null, "the shop is down"));

        assertThat(roles(messages))
                .containsExactly(
                        "system",
                        "user",
                        "assistant",
                        "tool",
                        "assistant",
                        "tool",
                        "assistant",
                        "tool",
                        "assistant",
                        "tool",
                        "assistant",
                        "tool",
                        "assistant",
                        "tool");
        assertThat(toolAnswers(messages))
                .containsExactly(
                        "call_a={\"status\":\"shipped\"}",
                        "call_b=rejected by alice: the customer already got a voucher",
                        "call_act-3=the reviewer alice asked for changes: refund 10, not 12.50",
                        "call_d=denied by policy, so the call did not run: refunds above 500 are forbidden",
                        "call_e=nobody decided in time, so the call did not run: finance waited 4h",
                        "call_f=the tool failed: the shop is down");
        JsonNode firstCall = messages.get(2);
        assertThat(firstCall.path("content").asText()).isEqualTo("because call_a");
        assertThat(firstCall
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{\"orderId\":\"A-7\"}");
    }

    @Test
    void guidanceAndAnswersArePeopleSpeaking() {
        JsonNode messages = send(
                entry(TranscriptKind.TOOL_RESULT, call("call_a", "lookup_order"), Map.of("status", "shipped"), null),
                new TranscriptEntry(
                        TranscriptKind.GUIDANCE, null, null, null, "check the voucher first", "bob", Instant.EPOCH),
                new TranscriptEntry(TranscriptKind.ANSWER, null, null, null, "yes, card", "dave", Instant.EPOCH));

        assertThat(roles(messages)).containsExactly("system", "user", "assistant", "tool", "user", "user");
        assertThat(messages.get(4).path("content").asText()).isEqualTo("Guidance from bob: check the voucher first");
        assertThat(messages.get(5).path("content").asText()).isEqualTo("dave answered: yes, card");
    }

    @Test
    void anIdTheModelGaveTwiceIsMadeUniqueSoEachCallIsAnsweredOnce() {
        JsonNode messages = send(
                entry(TranscriptKind.TOOL_RESULT, call("call_0", "lookup_order"), Map.of("n", 1), null),
                entry(TranscriptKind.TOOL_RESULT, call("call_0", "lookup_order"), Map.of("n", 2), null));

        assertThat(toolAnswers(messages)).containsExactly("call_0={\"n\":1}", "call_act-2={\"n\":2}");
    }

    @Test
    void theToolsAreOfferedAsFunctionsWithTheirSchemas() {
        send();

        JsonNode tools = server.lastRequest().path("tools");
        assertThat(tools).hasSize(2);
        JsonNode refund = tools.get(1).path("function");
        assertThat(tools.get(1).path("type").asText()).isEqualTo("function");
        assertThat(refund.path("name").asText()).isEqualTo("issue_refund");
        assertThat(refund.path("description").asText()).isEqualTo("the tool issue_refund of the test shop");
        assertThat(refund.path("parameters").path("type").asText()).isEqualTo("object");
        assertThat(refund.path("parameters").path("required").toString()).isEqualTo("[\"orderId\",\"amount\"]");
        assertThat(refund.path("parameters")
                        .path("properties")
                        .path("orderId")
                        .path("pattern")
                        .asText())
                .isEqualTo("^(?:A-[0-9]+)$");
        assertThat(refund.path("parameters").path("additionalProperties").asBoolean(true))
                .isFalse();
    }

    private JsonNode send(TranscriptEntry... transcript) {
        server.reply(ChatCompletionsJson.text("done"));
        agents.agent(server).nextStep(TestAgents.request(transcript));
        ChatCompletionsRequestChecker.assertValid(server.lastRequest());
        return server.lastRequest().path("messages");
    }

    private int position = 0;

    private TranscriptEntry entry(TranscriptKind kind, ToolCall call, Map<String, Object> result, String text) {
        position++;
        return new TranscriptEntry(kind, "act-" + position, call, result, text, "alice", Instant.EPOCH);
    }

    private static ToolCall call(String id, String tool) {
        return new ToolCall(tool, Map.of("orderId", "A-7"), "because " + id, null, List.of(), id);
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new ArrayList<>();
        messages.forEach(message -> roles.add(message.path("role").asText()));
        return roles;
    }

    private static List<String> toolAnswers(JsonNode messages) {
        List<String> answers = new ArrayList<>();
        messages.forEach(message -> {
            if (message.path("role").asText().equals("tool")) {
                answers.add(message.path("tool_call_id").asText() + "="
                        + message.path("content").asText());
            }
        });
        return answers;
    }
}
