package dev.countersign.activities.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.activities.tool.UnreadableArguments;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.TokenUsage;
import dev.countersign.agent.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Reads a model's reply as the agent's next step: its tool calls, in order, or else its text as
 * the task's summary. A call is taken as proposed even when malformed (an unknown tool, arguments
 * that are not a JSON object), so that the policy denies it and the model is told why; nothing here
 * runs a tool.
 */
final class ReplySteps {

    /** The name given to a call whose tool the model left out; no tool has it, so the policy denies it. */
    static final String UNNAMED_TOOL = "_unnamed_tool";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ReplySteps() {}

    /**
     * The reply's step, or null when the reply holds no message at all; {@code mayAsk} says whether
     * an {@code ask_human} call asks a person (else it is a call like any other, which no tool serves);
     * calls of the tools in {@code withConfidence} have their confidence taken out of their arguments.
     */
    static AgentStep step(ChatResponse response, boolean mayAsk, Set<String> withConfidence) {
        if (response == null || response.getResult() == null) {
            return null;
        }
        AssistantMessage message = response.getResult().getOutput();
        String text = message.getText() == null ? "" : message.getText();
        if (!message.hasToolCalls()) {
            return AgentStep.finish(text);
        }
        List<ToolCall> calls = message.getToolCalls().stream()
                .map(call -> new ToolCall(
                        call.name() == null || call.name().isBlank() ? UNNAMED_TOOL : call.name(),
                        arguments(call.arguments()),
                        text,
                        null,
                        List.of(),
                        call.id() == null || call.id().isBlank() ? null : call.id()))
                .map(call -> withConfidence.contains(call.tool()) ? ConfidenceArgument.taken(call) : call)
                .toList();
        if (!mayAsk) {
            return AgentStep.calls(calls);
        }
        return question(calls).orElseGet(() -> AgentStep.calls(withoutQuestions(calls)));
    }

    /**
     * A reply whose only call is {@code ask_human} asks a person; beside other calls the question is
     * left out (those calls go first, and the model may ask again once it has their outcomes).
     */
    private static Optional<AgentStep> question(List<ToolCall> calls) {
        if (calls.size() != 1 || !calls.get(0).tool().equals(Question.ASK_HUMAN)) {
            return Optional.empty();
        }
        ToolCall ask = calls.get(0);
        Object text = ask.args().get("question");
        if (!(text instanceof String question) || question.isBlank()) {
            return Optional.empty(); // no question to ask: the policy denies the call and the model hears why
        }
        List<String> options = ask.args().get("options") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        return Optional.of(AgentStep.ask(new Question(question, options, ask.id())));
    }

    private static List<ToolCall> withoutQuestions(List<ToolCall> calls) {
        List<ToolCall> others = calls.stream()
                .filter(call -> !call.tool().equals(Question.ASK_HUMAN))
                .toList();
        return others.isEmpty() ? calls : others;
    }

    static TokenUsage usage(ChatResponse response) {
        if (response == null || response.getMetadata() == null) {
            return TokenUsage.NONE;
        }
        Usage usage = response.getMetadata().getUsage();
        if (usage == null) {
            return TokenUsage.NONE;
        }
        return new TokenUsage(
                count(usage.getPromptTokens()), count(usage.getCompletionTokens()), count(usage.getTotalTokens()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> arguments(String raw) {
        if (raw == null || raw.isBlank()) {
            return Map.of(); // some servers send "" for a call without arguments
        }
        try {
            Object parsed = JSON.readValue(raw, Object.class);
            return parsed instanceof Map<?, ?> map
                    ? new LinkedHashMap<>((Map<String, Object>) map)
                    : UnreadableArguments.of(raw);
        } catch (JsonProcessingException notJson) {
            return UnreadableArguments.of(raw);
        }
    }

    private static long count(Integer tokens) {
        return tokens == null || tokens < 0 ? 0 : tokens;
    }
}
