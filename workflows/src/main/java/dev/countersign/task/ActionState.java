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
    /** Nobody decided within the last tier's SLA, and the policy's timeout outcome did not run it. */
    TIMED_OUT,
    /** The tool failed after its retries. */
    FAILED,
    /** The task was cancelled while it waited. */
    CANCELLED
}
