package dev.countersign.approval;

/** Where a pending approval stands. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED,
    /** Nobody decided within the last tier's SLA; never a person's rejection. */
    TIMED_OUT,
    /** The task was cancelled before the approval was decided. */
    CANCELLED
}
