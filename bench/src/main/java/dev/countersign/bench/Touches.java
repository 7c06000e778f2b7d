package dev.countersign.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the bench's MCP tool saw: for each gate id, the instant ({@link System#nanoTime()} of the bench
 * JVM) of its first call and how many calls it got. "Executed" means this, for every system measured.
 */
final class Touches {

    /** The first call's instant and the number of calls of one gate. */
    record Touch(long firstNanos, int calls) {}

    private final Map<String, Touch> byGate = new ConcurrentHashMap<>();
    private final Object changed = new Object();

    void record(String gate) {
        long now = System.nanoTime();
        byGate.merge(gate, new Touch(now, 1), (first, again) -> new Touch(first.firstNanos(), first.calls() + 1));
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    Touch of(String gate) {
        return byGate.get(gate);
    }

    /** Waits until every gate was touched; answers how many were not when {@code timeout} ran out. */
    int awaitAll(Collection<String> gates, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                int missing = (int)
                        gates.stream().filter(gate -> !byGate.containsKey(gate)).count();
                long left = deadline - System.nanoTime();
                if (missing == 0 || left <= 0) {
                    return missing;
                }
                try {
                    changed.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return missing;
                }
            }
        }
    }
}
