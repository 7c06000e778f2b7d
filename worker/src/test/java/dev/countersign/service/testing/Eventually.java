package dev.countersign.service.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way the worker's tests wait for state: Awaitility, reading at once and then at the caller's
 * interval until the deadline; a timeout names what was awaited and the last value read.
 */
public final class Eventually {

    private Eventually() {}

    /** Reads {@code probe} until {@code done} accepts what it read, and returns that. */
    public static <T> T until(
            String what, Duration timeout, Duration interval, Callable<T> probe, Predicate<? super T> done) {
        return waiting(what, timeout, interval).until(probe, done);
    }

    /** The wait itself, for a condition that is not one value read and checked. */
    // An exception on another thread (a worker's, say) is the test's business, not the wait's.
    public static ConditionFactory waiting(String what, Duration timeout, Duration interval) {
        return Awaitility.await(what)
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(interval)
                .dontCatchUncaughtExceptions();
    }
}
