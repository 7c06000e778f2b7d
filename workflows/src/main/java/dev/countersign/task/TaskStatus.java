package dev.countersign.task;

/** Where an agent task stands. */
public enum TaskStatus {
    RUNNING,
    AWAITING_APPROVAL,
    AWAITING_INPUT,
    /** The agent finished; executed actions stay open for post-action review until their windows close. */
    IN_REVIEW,
    /**
     * An operator must act: a compensation failed after its retries (retry it or resolve it by hand),
     * or a tool call's outcome is unknown (say whether it was done).
     */
    NEEDS_ATTENTION,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean closed() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
