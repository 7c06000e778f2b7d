package dev.countersign.review;

/**
 * What an operator does about an action that needs attention: a compensation that failed after its
 * retries, or a tool call whose outcome is unknown.
 */
public enum AttentionKind {
    /** Run the compensation again, with the same idempotency key. */
    RETRY,
    /** Record that it was resolved by hand, outside Countersign. */
    RESOLVE,
    /** A call of unknown outcome was done: it counts as executed, with no tool output. */
    DONE,
    /** A call of unknown outcome was not done: it counts as failed, with the comment as its reason. */
    NOT_DONE;

    /** Whether this answers a call of unknown outcome rather than a failed compensation. */
    public boolean settlesOutcome() {
        return this == DONE || this == NOT_DONE;
    }

    /**
     * The answer named {@code retry}, {@code resolve}, {@code done} or {@code not-done} (the API's
     * paths, the console's forms); else null.
     */
    public static AttentionKind fromWire(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "retry" -> RETRY;
            case "resolve" -> RESOLVE;
            case "done" -> DONE;
            case "not-done" -> NOT_DONE;
            default -> null;
        };
    }
}
