package dev.countersign.approval;

/** Where a pending approval stands. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED,
    /** The task was cancelled before the approval was decided. */
    CANCELLED
}
