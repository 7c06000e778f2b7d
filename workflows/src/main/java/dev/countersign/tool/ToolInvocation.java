package dev.countersign.tool;

import dev.countersign.agent.JsonValues;
import java.util.Map;

/**
 * Exactly what a tool is asked to do: the approved arguments, their digest, and an idempotency key
 * derived from task id and action id, so a retried or replayed execution never repeats the side
 * effect.
 */
public record ToolInvocation(
        String taskId,
        String actionId,
        String tool,
        Map<String, Object> args,
        String argsDigest,
        String idempotencyKey) {

    public ToolInvocation {
        if (tool == null || tool.isBlank()) {
            throw new IllegalArgumentException("a tool invocation needs a tool");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a tool invocation needs an idempotency key");
        }
        args = args == null ? Map.of() : JsonValues.immutableCopy(args);
    }

    public static String idempotencyKey(String taskId, String actionId) {
        return taskId + "/" + actionId;
    }
}
