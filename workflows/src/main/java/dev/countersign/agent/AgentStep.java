package dev.countersign.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.countersign.payload.PayloadBounds;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent model's answer to "what next?": exactly one of some tool calls (a model may propose
 * several in one reply; they are taken in order), a question for a person, or the end of the task
 * with a summary; and, from a language model, the tokens the reply cost (null from a scripted agent).
 */
public record AgentStep(StepKind kind, List<ToolCall> toolCalls, Question question, String summary, TokenUsage usage) {

    public AgentStep {
        if (kind == null) {
            throw new IllegalArgumentException("an agent step needs a kind");
        }
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (kind == StepKind.TOOL_CALL && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("a TOOL_CALL step needs a tool call");
        }
        if (kind == StepKind.QUESTION && question == null) {
            throw new IllegalArgumentException("a QUESTION step needs a question");
        }
    }

    /**
     * Reads a step as written before steps could carry several calls ({@code toolCall}) or since
     * ({@code toolCalls}), so that recorded histories replay.
     */
    @JsonCreator
    static AgentStep fromJson(
            @JsonProperty("kind") StepKind kind,
            @JsonProperty("toolCalls") List<ToolCall> toolCalls,
            @JsonProperty("toolCall") ToolCall toolCall,
            @JsonProperty("question") Question question,
            @JsonProperty("summary") String summary,
            @JsonProperty("usage") TokenUsage usage) {
        List<ToolCall> calls = toolCalls != null ? toolCalls : toolCall == null ? List.of() : List.of(toolCall);
        return new AgentStep(kind, calls, question, summary, usage);
    }

    /** This step with what its reply cost. */
    public AgentStep withUsage(TokenUsage newUsage) {
        return new AgentStep(kind, toolCalls, question, summary, newUsage);
    }

    /** The tokens this step cost; none from a scripted agent. */
    public long tokens() {
        return usage == null ? 0 : usage.totalTokens();
    }

    /** The first tool call of this step, or null when it proposes none. */
    public ToolCall toolCall() {
        return toolCalls.isEmpty() ? null : toolCalls.get(0);
    }

    /** This step with its texts and arguments cut visibly to fit in maxBytes (see {@link PayloadBounds}). */
    public AgentStep within(int maxBytes) {
        List<ToolCall> bounded = new ArrayList<>();
        int each = toolCalls.isEmpty() ? maxBytes : maxBytes / toolCalls.size();
        for (ToolCall call : toolCalls) {
            bounded.add(call.within(each));
        }
        return new AgentStep(
                kind,
                bounded,
                question == null
                        ? null
                        : new Question(
                                PayloadBounds.text(question.text(), maxBytes / 2),
                                PayloadBounds.texts(question.options(), maxBytes / 2),
                                question.callId()),
                PayloadBounds.text(summary, maxBytes),
                usage);
    }

    public static AgentStep call(ToolCall toolCall) {
        return new AgentStep(StepKind.TOOL_CALL, List.of(toolCall), null, null, null);
    }

    /** A reply that proposes several calls at once, to be taken in the order given. */
    public static AgentStep calls(List<ToolCall> toolCalls) {
        return new AgentStep(StepKind.TOOL_CALL, toolCalls, null, null, null);
    }

    public static AgentStep ask(Question question) {
        return new AgentStep(StepKind.QUESTION, List.of(), question, null, null);
    }

    public static AgentStep finish(String summary) {
        return new AgentStep(StepKind.FINISH, List.of(), null, summary == null ? "" : summary, null);
    }
}
