package dev.countersign.task;

/** What became of one proposed tool call. */
public enum ActionState {
    /** Waiting for reviewers. */
    PENDING,
    /** The tool ran. */
    EXECUTED,
    /** A reviewer rejected it. */
    REJECTED,
    /** A reviewer sent it back to the agent with feedback. */
    CHANGES_REQUESTED,
    /** The policy refused it, or its arguments were invalid. */
    DENIED,
    /** The tool failed after its retries. */
    FAILED,
    /** The task was cancelled while it waited. */
    CANCELLED
}
