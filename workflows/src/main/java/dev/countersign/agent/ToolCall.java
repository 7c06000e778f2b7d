package dev.countersign.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tool call proposed by the agent: which tool, with which arguments, why, how sure the model is
 * and which tags it attaches (for example {@code pii}, {@code external}).
 */
public record ToolCall(String tool, Map<String, Object> args, String rationale, Double confidence, List<String> tags) {

    public ToolCall {
        if (tool == null || tool.isBlank()) {
            throw new IllegalArgumentException("a tool call needs a tool name");
        }
        args = args == null ? Map.of() : JsonValues.immutableCopy(args);
        rationale = rationale == null ? "" : rationale;
        if (confidence != null && (confidence < 0.0 || confidence > 1.0)) {
            throw new IllegalArgumentException("confidence must lie between 0 and 1, was " + confidence);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ToolCall withArgs(Map<String, Object> newArgs) {
        return new ToolCall(tool, newArgs, rationale, confidence, tags);
    }

    /** Compares tool and arguments only: the same call, whatever the rationale. */
    public boolean sameCallAs(ToolCall other) {
        return other != null && tool.equals(other.tool) && Objects.equals(args, other.args);
    }
}
