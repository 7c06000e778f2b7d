package dev.countersign.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Decisions sent at a fixed arrival rate, open-loop: decision i has the intended start t0 + i/rate, a
 * thread of an unbounded pool sends it, and both latencies count from that intended start, so a slow
 * answer never delays the next decision (no coordinated omission). Executed is the MCP tool's
 * recorded instant, on the same clock.
 */
final class OpenLoop {

    static final Duration EXECUTED_TIMEOUT = Duration.ofMinutes(5);

    /** Latencies in microseconds of the measured decisions (those after the warm-up), and what went wrong. */
    record Outcome(Histogram ack, Histogram executed, int failed, int neverExecuted, String firstFailure) {}

    private OpenLoop() {}

    static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    static Outcome atRate(GateSystem system, List<Gate> gates, double rate, int warmup, Touches touches) {
        long period = (long) (1_000_000_000L / rate);
        long[] intended = new long[gates.size()];
        long[] acked = new long[gates.size()];
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService senders = Executors.newCachedThreadPool(Threads.daemon("bench-decide"));
        long start = System.nanoTime() + 20_000_000L;
        try {
            for (int i = 0; i < gates.size(); i++) {
                intended[i] = start + i * period;
                Pause.until(intended[i]);
                int index = i;
                senders.execute(() -> {
                    try {
                        system.decide(gates.get(index));
                        acked[index] = System.nanoTime();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                });
            }
        } finally {
            senders.shutdown();
        }
        awaitTermination(senders);
        List<String> ids = gates.stream().map(Gate::id).toList();
        int missing = touches.awaitAll(ids, EXECUTED_TIMEOUT);
        Histogram ack = histogram();
        Histogram executed = histogram();
        for (int i = warmup; i < gates.size(); i++) {
            if (acked[i] != 0) {
                ack.recordValue(Math.max(0, (acked[i] - intended[i]) / 1_000));
            }
            Touches.Touch touch = touches.of(gates.get(i).id());
            if (touch != null) {
                executed.recordValue(Math.max(0, (touch.firstNanos() - intended[i]) / 1_000));
            }
        }
        return new Outcome(ack, executed, failed.get(), missing, firstFailure.get());
    }

    /**
     * Decisions sent as fast as {@code concurrency} requests in flight allow; answers completed gates
     * per second, from the first decision to the last tool call.
     */
    static double saturated(GateSystem system, List<Gate> gates, int concurrency, Touches touches) {
        Semaphore inFlight = new Semaphore(concurrency);
        ExecutorService senders = Executors.newFixedThreadPool(concurrency, Threads.daemon("bench-saturate"));
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try {
            for (Gate gate : gates) {
                inFlight.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        system.decide(gate);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            senders.shutdown();
        }
        awaitTermination(senders);
        List<String> ids = gates.stream().map(Gate::id).toList();
        int missing = touches.awaitAll(ids, EXECUTED_TIMEOUT);
        if (failed.get() > 0 || missing > 0) {
            throw new IllegalStateException(system.name() + " at saturation: " + failed + " decisions failed, "
                    + missing + " gates never executed");
        }
        long last =
                ids.stream().mapToLong(id -> touches.of(id).firstNanos()).max().orElse(start);
        return gates.size() / ((last - start) / 1e9);
    }

    private static void awaitTermination(ExecutorService senders) {
        try {
            if (!senders.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("decisions still in flight after 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
