package dev.countersign.approval;

/**
 * The synchronous answer to a decision: the approval's state after it, approvals counted so far,
 * approvals required, and the digest of the arguments now pending (changed by an edit).
 */
public record DecisionResult(String approvalId, ApprovalState state, int approvals, int required, String argsDigest) {}
