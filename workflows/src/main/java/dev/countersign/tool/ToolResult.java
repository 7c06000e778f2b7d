package dev.countersign.tool;

import dev.countersign.agent.JsonValues;
import java.util.Map;

/** What a tool returned; handed back to the agent and shown in the task view. */
public record ToolResult(Map<String, Object> output) {

    public ToolResult {
        output = output == null ? Map.of() : JsonValues.immutableCopy(output);
    }
}
