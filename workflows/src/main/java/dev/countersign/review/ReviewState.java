package dev.countersign.review;

/** Where the post-action review of one action stands. */
public enum ReviewState {
    /** The action is not under review: it did not run, or its rule asks for no review. */
    NONE,
    /** An AUTO action the policy's sample picked; it waits for a verdict until its window closes. */
    SAMPLED,
    /** An approved action under review; it waits for a verdict until its window closes. */
    AWAITING,
    /** A reviewer found it in order. */
    OK,
    /** A reviewer flagged it; the flag counts against its rule in the decision statistics. */
    FLAGGED,
    /** Its compensation ran (or an operator resolved it by hand). */
    ROLLED_BACK,
    /** Its compensation failed after its retries; an operator must retry it or resolve it by hand. */
    ROLLBACK_FAILED;

    /** Whether a reviewer may still give a verdict (while the window is open). */
    public boolean open() {
        return this == SAMPLED || this == AWAITING;
    }
}
