package dev.countersign.activities.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.activities.model.OpenAiStub.Reply;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A conversation longer than the model's context is sent once more with its oldest half cut short,
 * visibly; if that is still too long, the step fails for good with the endpoint's words.
 */
class ContextTooLongIsRetriedOnceShorterTest {

    private static final String TOO_LONG = "{\"error\":{\"message\":\"This model's maximum context length is 8192"
            + " tokens. However, your messages resulted in 9500 tokens.\",\"type\":\"invalid_request_error\","
            + "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";

    @RegisterExtension
    final OpenAiStub server = new OpenAiStub();

    private final TestAgents agents = new TestAgents();

    @Test
    void theOldestResultsAreCutWithAMarkerAndTheModelIsAskedOnceMore() {
        server.reply(new Reply(400, Map.of(), TOO_LONG)).reply(ChatCompletionsJson.text("done"));

        AgentStep step = agents.agent(server).nextStep(longConversation());

        assertThat(step.summary()).isEqualTo("done");
        assertThat(server.received()).hasSize(2);
        List<String> answers = toolAnswers(server.lastRequest().path("messages"));
        assertThat(answers.get(0))
                .as("the oldest result, cut")
                .contains("truncated")
                .hasSizeLessThan(2_000);
        assertThat(answers.get(answers.size() - 1))
                .as("the newest, whole")
                .doesNotContain("truncated")
                .hasSizeGreaterThan(9_000);
        ChatCompletionsRequestChecker.assertValid(server.lastRequest());
    }

    @Test
    void stillTooLongAfterTheCutFailsTheStepForGood() {
        server.reply(new Reply(400, Map.of(), TOO_LONG)).reply(new Reply(400, Map.of(), TOO_LONG));

        ApplicationFailure failure = catchThrowableOfType(
                ApplicationFailure.class, () -> agents.agent(server).nextStep(longConversation()));

        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getType()).isEqualTo(ModelFailures.REQUEST_REJECTED);
        assertThat(failure.getOriginalMessage()).contains("maximum context length");
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void otherBadRequestsAreNotRetried() {
        server.reply(
                new Reply(400, Map.of(), ChatCompletionsJson.error("Invalid 'messages'", "invalid_request_error")));

        catchThrowableOfType(
                ApplicationFailure.class, () -> agents.agent(server).nextStep(longConversation()));

        assertThat(server.received()).hasSize(1);
    }

    /** Four lookups, each with a 10 KB result. */
    private static AgentRequest longConversation() {
        List<TranscriptEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            entries.add(new TranscriptEntry(
                    TranscriptKind.TOOL_RESULT,
                    "a" + i,
                    new ToolCall("lookup_order", Map.of("orderId", "A-" + i), "", null, List.of(), "call_" + i),
                    Map.of("notes", "x".repeat(10_000)),
                    null,
                    null,
                    Instant.parse("2026-01-01T00:00:00Z")));
        }
        return new AgentRequest("task-1", "support", "look the orders up", Map.of(), entries);
    }

    private static List<String> toolAnswers(com.fasterxml.jackson.databind.JsonNode messages) {
        List<String> answers = new ArrayList<>();
        messages.forEach(message -> {
            if (message.path("role").asText().equals("tool")) {
                answers.add(message.path("content").asText());
            }
        });
        return answers;
    }
}
