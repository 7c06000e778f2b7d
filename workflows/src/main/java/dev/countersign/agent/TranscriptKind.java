package dev.countersign.agent;

/** What a transcript entry records, as the agent model sees it. */
public enum TranscriptKind {
    /** A tool ran; {@code result} holds its output. */
    TOOL_RESULT,
    /** A tool call failed after its retries; {@code text} holds the error. */
    TOOL_FAILED,
    /** A reviewer rejected the call; {@code text} holds the reason. */
    REJECTED,
    /** A reviewer sent the call back; {@code text} holds the feedback. */
    CHANGES_REQUESTED,
    /** Nobody answered the approval request in time; {@code text} says which tiers waited how long. */
    TIMED_OUT,
    /** The policy refused the call or its arguments were invalid; {@code text} says why. */
    DENIED,
    /** A person steered the agent; {@code text} holds the guidance. */
    GUIDANCE,
    /** A person answered the agent's question; {@code text} holds the answer. */
    ANSWER
}
