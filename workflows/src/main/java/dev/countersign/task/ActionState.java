package dev.countersign.task;

/** What became of one proposed tool call. */
public enum ActionState {
    /** Waiting for reviewers. */
    PENDING,
    /** The tool ran, or an operator confirmed that a call of unknown outcome was done. */
    EXECUTED,
    /** A reviewer rejected it. */
    REJECTED,
    /** A reviewer sent it back to the agent with feedback. */
    CHANGES_REQUESTED,
    /** The policy refused it, or its arguments were invalid. */
    DENIED,
    /** Nobody decided within the last tier's SLA, and the policy's timeout outcome did not run it. */
    TIMED_OUT,
    /** The tool failed after its retries, or an operator said a call of unknown outcome was not done. */
    FAILED,
    /**
     * A tool that is not idempotent may have run before its worker stopped; it is not run again, and
     * the task waits until an operator says whether it was done.
     */
    OUTCOME_UNKNOWN,
    /** The task was cancelled while it waited. */
    CANCELLED,
    /** Approved, and waits for the caller of a submitted call to come back for it (the MCP gateway). */
    AWAITING_COLLECTION,
    /**
     * Approved, but its caller did not come back for it within its consent lifetime: it never ran, and
     * the same call must be approved again. Not a rejection.
     */
    EXPIRED
}
