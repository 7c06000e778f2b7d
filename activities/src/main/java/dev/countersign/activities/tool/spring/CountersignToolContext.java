package dev.countersign.activities.tool.spring;

import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolInvocation;
import java.util.HashMap;
import java.util.Map;
import org.springframework.ai.chat.model.ToolContext;

/**
 * The keys of the Spring AI {@code ToolContext} a {@code @Tool} method (or its compensation) gets
 * when it declares one: above all the idempotency key, the same on every retry of one call, which
 * makes the method idempotent.
 */
public final class CountersignToolContext {

    /** The call's idempotency key: {@code taskId/actionId} for a tool, with {@code /compensate} for its undoing. */
    public static final String IDEMPOTENCY_KEY = "countersign.idempotencyKey";

    public static final String TASK_ID = "countersign.taskId";
    public static final String ACTION_ID = "countersign.actionId";
    public static final String TOOL = "countersign.tool";

    private CountersignToolContext() {}

    /** The idempotency key in a context Countersign passed; fails on any other context. */
    public static String idempotencyKey(ToolContext context) {
        Object key = context.getContext().get(IDEMPOTENCY_KEY);
        if (!(key instanceof String text)) {
            throw new IllegalArgumentException("this ToolContext does not come from Countersign");
        }
        return text;
    }

    static ToolContext of(ToolInvocation invocation) {
        return context(invocation.idempotencyKey(), invocation.taskId(), invocation.actionId(), invocation.tool());
    }

    static ToolContext of(CompensationRequest request) {
        return context(request.idempotencyKey(), request.taskId(), request.actionId(), request.tool());
    }

    private static ToolContext context(String key, String taskId, String actionId, String tool) {
        Map<String, Object> values = new HashMap<>();
        values.put(IDEMPOTENCY_KEY, key);
        values.put(TOOL, tool);
        if (taskId != null) {
            values.put(TASK_ID, taskId);
        }
        if (actionId != null) {
            values.put(ACTION_ID, actionId);
        }
        return new ToolContext(Map.copyOf(values));
    }
}
