package dev.countersign.agent;

import dev.countersign.payload.PayloadBounds;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tool call proposed by the agent: which tool, with which arguments, why, how sure the model is,
 * which tags it attaches (for example {@code pii}, {@code external}) and, from a language model,
 * the id it gave the call ({@code tool_call_id}), which the answer to the call must name.
 */
public record ToolCall(
        String tool, Map<String, Object> args, String rationale, Double confidence, List<String> tags, String id) {

    private static final int TOOL_NAME_BYTES = 256;

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

    /** A call without a model's id, as a scripted agent proposes it. */
    public ToolCall(String tool, Map<String, Object> args, String rationale, Double confidence, List<String> tags) {
        this(tool, args, rationale, confidence, tags, null);
    }

    /**
     * This call with each part cut to fit in maxBytes together (arguments half of it, the rationale
     * a quarter), visibly: oversized arguments become a truncated stand-in, which the policy activity
     * denies, so such a call never runs with arguments nobody saw whole.
     */
    public ToolCall within(int maxBytes) {
        return new ToolCall(
                PayloadBounds.text(tool, TOOL_NAME_BYTES),
                PayloadBounds.json(args, maxBytes / 2),
                PayloadBounds.text(rationale, maxBytes / 4),
                confidence,
                PayloadBounds.texts(tags, maxBytes / 8),
                PayloadBounds.text(id, TOOL_NAME_BYTES));
    }

    public ToolCall withArgs(Map<String, Object> newArgs) {
        return new ToolCall(tool, newArgs, rationale, confidence, tags, id);
    }

    /** Compares tool and arguments only: the same call, whatever the rationale. */
    public boolean sameCallAs(ToolCall other) {
        return other != null && tool.equals(other.tool) && Objects.equals(args, other.args);
    }
}
