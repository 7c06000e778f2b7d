package dev.countersign.review;

/** What an operator does about a compensation that failed after its retries. */
public enum AttentionKind {
    /** Run the compensation again, with the same idempotency key. */
    RETRY,
    /** Record that it was resolved by hand, outside Countersign. */
    RESOLVE
}
