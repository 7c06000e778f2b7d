package dev.countersign.task;

import dev.countersign.payload.PayloadBounds;
import io.temporal.failure.ApplicationFailure;

/** What a task records of a failed activity: its root cause's message, bounded. */
final class Failures {

    private Failures() {}

    /** The message of the failure's root cause, cut to {@link PayloadBounds#MAX_VALUE_BYTES}. */
    static String rootMessage(Throwable failure) {
        return PayloadBounds.text(wholeRootMessage(failure), PayloadBounds.MAX_VALUE_BYTES);
    }

    private static String wholeRootMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure app) {
                return app.getOriginalMessage();
            }
            if (cause.getCause() == null) {
                return cause.getMessage();
            }
        }
        return failure.getMessage();
    }
}
