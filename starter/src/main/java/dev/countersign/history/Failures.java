package dev.countersign.history;

import dev.countersign.approval.DecisionRefusal;
import io.temporal.api.failure.v1.Failure;

/** What a failure recorded in history says, in the words of whoever raised it. */
final class Failures {

    private Failures() {}

    /** The first message along the failure's causes, or "" when none has one. */
    static String message(Failure failure) {
        for (Failure current = failure; current != null; current = current.hasCause() ? current.getCause() : null) {
            if (!current.getMessage().isBlank()) {
                return current.getMessage();
            }
        }
        return "";
    }

    /** The activity's own failure, which the marker of a local activity wraps in one that names the activity. */
    static Failure ofLocalActivity(Failure marker) {
        return marker.hasActivityFailureInfo() && marker.hasCause() ? marker.getCause() : marker;
    }

    /** The application failure's type, or null for other failures (timeouts, cancellations). */
    static String type(Failure failure) {
        return failure.hasApplicationFailureInfo()
                ? failure.getApplicationFailureInfo().getType()
                : null;
    }

    /** The refusal type (a validator names it by class, a handler by simple name), else the plain type. */
    static String refusalType(Failure failure) {
        String type = type(failure);
        String refusal = DecisionRefusal.typeOf(type);
        return refusal != null ? refusal : type;
    }
}
