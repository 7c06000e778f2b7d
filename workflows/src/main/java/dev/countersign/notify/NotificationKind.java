package dev.countersign.notify;

/** Why reviewers are notified. */
public enum NotificationKind {
    /** A call waits for the first tier. */
    APPROVAL_REQUESTED,
    /** The previous tier's SLA passed; the call now waits for this tier. */
    ESCALATED
}
