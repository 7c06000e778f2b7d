package dev.countersign.service.it;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Compensation;
import dev.countersign.activities.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code refund}, a compensable tool that refunds nothing but counts how often each idempotency key
 * reached it: a key counted twice is a tool call the worker ran twice.
 */
final class CountingRefund implements Tool {

    static final String NAME = "refund";

    private static final ArgumentSchema SCHEMA = ArgumentSchema.of(
            Map.of(
                    "amount",
                    ArgumentSpec.number("how much to refund", new BigDecimal("0.01"), new BigDecimal("1000000"))),
            "amount");

    private final Map<String, AtomicInteger> runsByKey = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ArgumentSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        runsByKey
                .computeIfAbsent(invocation.idempotencyKey(), key -> new AtomicInteger())
                .incrementAndGet();
        return Map.of("refunded", invocation.args().get("amount"));
    }

    @Override
    public Compensation compensation() {
        return Compensation.by("reverse_refund", request -> Map.of("reversed", request.actionId()));
    }

    /** Idempotency key to how many times the tool was run with it. */
    Map<String, Integer> runsByKey() {
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        runsByKey.forEach((key, count) -> runs.put(key, count.get()));
        return runs;
    }
}
