package dev.countersign.activities.tool.once;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Tool;
import dev.countersign.tool.ToolInvocation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A tool that counts how often it was reached ({@link #reached}) and acts, on each attempt, as the
 * test says: return, throw, or hang (a worker that stopped answering) until the test ends.
 */
final class LedgerTool implements Tool {

    /** Hang, without heartbeats of its own, until released: the worker seems dead to the server. */
    static final RuntimeException HANG = new RuntimeException("hang");

    final AtomicInteger reached = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    private final boolean idempotent;
    private final IntFunction<RuntimeException> onAttempt;

    /** {@code onAttempt} gives, for the n-th time the tool is reached (from 1), what to throw; null to succeed. */
    LedgerTool(boolean idempotent, IntFunction<RuntimeException> onAttempt) {
        this.idempotent = idempotent;
        this.onAttempt = onAttempt;
    }

    @Override
    public String name() {
        return "transfer_funds";
    }

    @Override
    public ArgumentSchema schema() {
        return new ArgumentSchema(Map.of(), List.of(), true);
    }

    @Override
    public boolean idempotent() {
        return idempotent;
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        RuntimeException outcome = onAttempt.apply(reached.incrementAndGet());
        if (outcome == HANG) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("late", true);
        }
        if (outcome != null) {
            throw outcome;
        }
        return Map.of("transferred", true);
    }
}
