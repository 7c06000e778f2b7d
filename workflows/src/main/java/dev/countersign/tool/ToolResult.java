package dev.countersign.tool;

import dev.countersign.agent.JsonValues;
import dev.countersign.payload.PayloadBounds;
import java.util.Map;

/**
 * What a tool returned; handed back to the agent and shown in the task view. {@code compensation}
 * names the action that undoes it (for example {@code reverse_refund}); null when the tool declares
 * none or declares itself irreversible, and in results recorded before compensations existed.
 */
public record ToolResult(Map<String, Object> output, String compensation) {

    public ToolResult(Map<String, Object> output) {
        this(output, null);
    }

    /** This result with its output cut visibly to fit in maxBytes (see {@link PayloadBounds#json}). */
    public ToolResult within(int maxBytes) {
        return new ToolResult(PayloadBounds.json(output, maxBytes), compensation);
    }

    public ToolResult {
        output = output == null ? Map.of() : JsonValues.immutableCopy(output);
    }
}
