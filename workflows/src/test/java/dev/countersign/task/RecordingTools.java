package dev.countersign.task;

import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tools that remember every invocation they received and, like the real ledger, apply each
 * idempotency key once; {@link #sideEffects} is what a customer would see.
 */
class RecordingTools implements ToolActivities {

    final List<ToolInvocation> invocations = new CopyOnWriteArrayList<>();
    final Map<String, ToolInvocation> sideEffects = new ConcurrentHashMap<>();

    @Override
    public ToolResult executeTool(ToolInvocation invocation) {
        invocations.add(invocation);
        sideEffects.putIfAbsent(invocation.idempotencyKey(), invocation);
        return new ToolResult(Map.of("ok", true, "key", invocation.idempotencyKey()));
    }

    List<ToolInvocation> effectsOf(String tool) {
        return sideEffects.values().stream().filter(i -> i.tool().equals(tool)).toList();
    }

    long executionsOf(String tool) {
        return invocations.stream().filter(i -> i.tool().equals(tool)).count();
    }
}
