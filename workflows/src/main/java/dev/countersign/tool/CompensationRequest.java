package dev.countersign.tool;

import dev.countersign.agent.JsonValues;
import java.util.Map;

/**
 * What a compensation is asked to undo: the original tool call's arguments and result, and an
 * idempotency key of its own ({@code taskId/actionId/compensate}), so a retried or repeated
 * compensation never undoes twice.
 */
public record CompensationRequest(
        String taskId,
        String actionId,
        String tool,
        String compensation,
        Map<String, Object> args,
        Map<String, Object> result,
        String idempotencyKey) {

    public CompensationRequest {
        if (tool == null || tool.isBlank()) {
            throw new IllegalArgumentException("a compensation request needs the original tool");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a compensation request needs an idempotency key");
        }
        args = args == null ? Map.of() : JsonValues.immutableCopy(args);
        result = result == null ? Map.of() : JsonValues.immutableCopy(result);
    }

    public static String idempotencyKey(String taskId, String actionId) {
        return ToolInvocation.idempotencyKey(taskId, actionId) + "/compensate";
    }
}
