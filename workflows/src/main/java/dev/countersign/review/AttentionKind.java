package dev.countersign.review;

/** What an operator does about a compensation that failed after its retries. */
public enum AttentionKind {
    /** Run the compensation again, with the same idempotency key. */
    RETRY,
    /** Record that it was resolved by hand, outside Countersign. */
    RESOLVE;

    /** The answer named {@code retry} or {@code resolve} (the API's paths, the console's form); else null. */
    public static AttentionKind fromWire(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "retry" -> RETRY;
            case "resolve" -> RESOLVE;
            default -> null;
        };
    }
}
