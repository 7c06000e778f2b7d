package dev.countersign.activities.policy.cel;

/** A {@code when} condition that could not be evaluated for one request, for example a missing key. */
public final class ConditionFailure extends Exception {

    ConditionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
