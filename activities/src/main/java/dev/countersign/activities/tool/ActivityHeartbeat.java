package dev.countersign.activities.tool;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats for an activity from a side thread while its blocking work runs (a tool, a model
 * call), so that when the worker running it dies, Temporal retries it elsewhere after the
 * activity's heartbeat timeout instead of waiting out its whole start-to-close timeout. The work is
 * idempotent by its key, so such a retry never repeats a side effect; a tool that is not is guarded by
 * {@link OutcomeGuard}.
 */
public final class ActivityHeartbeat {

    /** How often a running activity heartbeats; the workflow's heartbeat timeouts are a few times this. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "countersign-activity-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private ActivityHeartbeat() {}

    /**
     * Runs {@code work} inside the current activity, heartbeating every {@link #INTERVAL}; outside an
     * activity (a direct call) it just runs it.
     */
    public static <T> T whileRunning(Supplier<T> work) {
        ActivityExecutionContext context;
        try {
            context = Activity.getExecutionContext();
        } catch (IllegalStateException notInAnActivity) {
            return work.get();
        }
        return whileRunning(context, INTERVAL, work);
    }

    static <T> T whileRunning(ActivityExecutionContext context, Duration interval, Supplier<T> work) {
        return whileRunning(context, interval, null, work);
    }

    /**
     * The same, with each heartbeat carrying {@code details}: a retry of the activity reads the last
     * details recorded (see {@link OutcomeGuard}).
     */
    static <T> T whileRunning(ActivityExecutionContext context, Duration interval, Object details, Supplier<T> work) {
        ScheduledFuture<?> beating = BEATS.scheduleAtFixedRate(
                () -> beat(context, details), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            beating.cancel(false);
        }
    }

    private static void beat(ActivityExecutionContext context, Object details) {
        try {
            context.heartbeat(details);
        } catch (ActivityCompletionException ended) {
            // Cancelled or timed out on the server: the work's result will be discarded, and the
            // retry (if any) runs with the same idempotency key.
        } catch (RuntimeException failed) {
            // A failed heartbeat must not kill the beating thread; the next one tries again.
        }
    }
}
