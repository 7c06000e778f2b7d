package dev.countersign.policy;

/** What the policy decides for one tool call. */
public enum Outcome {
    /** Run without asking anyone. */
    AUTO,
    /** Hold until reviewers reach quorum. */
    APPROVE,
    /** Never run. */
    DENY
}
