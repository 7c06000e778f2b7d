package dev.countersign.activities.tool;

import dev.countersign.tool.ToolActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Runs a tool that is not idempotent at most once per action: each attempt records in its heartbeat
 * details that it is running the tool (a retry before it reaches it, a first attempt from its first
 * periodic heartbeat on), and that it failed cleanly when the tool threw a retryable {@link
 * ToolException} on purpose. The SDK sends the last details with a failure and the
 * server keeps the last recorded ones when a worker dies, so a retry that finds anything but "the
 * previous attempt failed cleanly" (a dead worker, a heartbeat timeout, an unexpected exception, no
 * details at all) refuses to run the tool and fails with {@link ToolActivities#OUTCOME_UNKNOWN},
 * without retries. When in doubt, the outcome is unknown.
 */
final class OutcomeGuard {

    static final String RUNNING = "running:";
    static final String FAILED_CLEANLY = "failed-cleanly:";

    private OutcomeGuard() {}

    /** Runs {@code call} for {@code tool}, heartbeating; guarded when the tool is not idempotent. */
    static <T> T run(Tool tool, Supplier<T> call) {
        ActivityExecutionContext context = currentContext();
        if (tool.idempotent() || context == null) {
            return ActivityHeartbeat.whileRunning(call);
        }
        int attempt = context.getInfo().getAttempt();
        if (attempt > 1) {
            String previous = context.getHeartbeatDetails(String.class).orElse(null);
            if (!(FAILED_CLEANLY + (attempt - 1)).equals(previous)) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "attempt " + (attempt - 1) + " of " + tool.name() + " may have reached the tool before it"
                                + " stopped (" + described(previous) + "), and " + tool.name()
                                + " is not idempotent: not running it again; an operator must say whether it was done",
                        ToolActivities.OUTCOME_UNKNOWN);
            }
        }
        String running = RUNNING + attempt;
        if (attempt > 1) {
            // A retry starts after a backoff: before it reaches the tool, it asks the server whether
            // it still stands (the heartbeat throws when the attempt timed out or the task cancelled
            // the call meanwhile). A first attempt starts as soon as it is scheduled (the worker that
            // scheduled it usually runs it at once), so it skips that round trip (several
            // milliseconds of every call): its retry, if any, finds no details and refuses as above.
            context.heartbeat(running);
        }
        try {
            return ActivityHeartbeat.whileRunning(context, ActivityHeartbeat.INTERVAL, running, call);
        } catch (ToolException failed) {
            if (failed.retryable()) {
                recordCleanFailure(context, attempt);
            }
            throw failed;
        }
    }

    private static void recordCleanFailure(ActivityExecutionContext context, int attempt) {
        try {
            context.heartbeat(FAILED_CLEANLY + attempt);
        } catch (ActivityCompletionException ended) {
            // The attempt ended on the server (timed out or cancelled): its outcome stays unknown.
        }
    }

    private static String described(String previous) {
        if (previous == null) {
            return "it recorded nothing";
        }
        return previous.startsWith(RUNNING) ? "it was running the tool" : "it recorded " + previous;
    }

    private static ActivityExecutionContext currentContext() {
        try {
            return Activity.getExecutionContext();
        } catch (IllegalStateException notInAnActivity) {
            return null;
        }
    }
}
