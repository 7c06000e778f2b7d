package dev.countersign.it;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; the only way the suite waits for state. */
final class Poll {

    static final Duration INTERVAL = Duration.ofMillis(500);

    private Poll() {}

    /** Probes until {@code done} accepts the probe's value, and returns that value. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        return until(what, timeout, INTERVAL, probe, done);
    }

    /** As above, probing every {@code interval}: a test that races a change probes more often. */
    static <T> T until(String what, Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": not reached within " + timeout + "; last seen: " + value);
            }
            pause(interval);
            value = probe.get();
        }
        return value;
    }

    static void pause(Duration interval) {
        try {
            TimeUnit.NANOSECONDS.sleep(interval.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
