package dev.countersign.client;

import dev.countersign.task.TaskView;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way the starter's tests wait for a task to get somewhere: Awaitility, reading at once and
 * then every few milliseconds, for at most {@link #TIMEOUT}. A read never lets the test
 * environment's timers fire.
 */
public final class TaskWaits {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TaskWaits() {}

    /** Reads the task through the facade until its view satisfies {@code condition}; it must exist. */
    public static TaskView until(Countersign countersign, String taskId, Predicate<TaskView> condition) {
        return until(
                "task " + taskId + " reaches the expected state",
                () -> countersign.task(taskId).orElseThrow(),
                condition);
    }

    /** Reads {@code probe} until {@code done} accepts what it read, and returns that. */
    public static <T> T until(String what, Callable<T> probe, Predicate<? super T> done) {
        return waiting(what).until(probe, done);
    }

    /** The wait itself, for a test that needs another poll interval. */
    // An exception on another thread (a worker's, say) is the test's business, not the wait's.
    public static ConditionFactory waiting(String what) {
        return Awaitility.await(what)
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .dontCatchUncaughtExceptions();
    }
}
