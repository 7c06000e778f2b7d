package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way the workflow tests wait for what the worker's threads do: Awaitility, checking at once
 * and then every few milliseconds. Reading a view or a meter never lets the test environment's timers
 * fire; only {@link TaskHarness#skip} moves workflow time.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(5);

    private Eventually() {}

    /** Reads {@code probe} until {@code done} accepts what it read, and returns that. */
    static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        return within(what, timeout).until(probe, done);
    }

    /** Waits until {@code value} (a meter, say) reads exactly {@code expected}. */
    static void reaches(String what, Duration timeout, DoubleSupplier value, double expected) {
        within(what, timeout)
                .untilAsserted(() -> assertThat(value.getAsDouble()).isEqualTo(expected));
    }

    // An exception on another thread (a worker's, say) is the test's business, not the wait's.
    private static ConditionFactory within(String what, Duration timeout) {
        return Awaitility.await(what)
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .dontCatchUncaughtExceptions();
    }
}
