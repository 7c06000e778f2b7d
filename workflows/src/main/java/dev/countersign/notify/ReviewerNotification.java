package dev.countersign.notify;

import dev.countersign.approval.PendingApproval;

/**
 * What reviewers of the approval's current tier are told: the pending approval as the inbox shows
 * it (its {@code groups} are the ones to notify) and why they hear of it now.
 */
public record ReviewerNotification(NotificationKind kind, PendingApproval approval, String reason) {

    public ReviewerNotification {
        if (kind == null || approval == null) {
            throw new IllegalArgumentException("a notification needs a kind and the pending approval");
        }
        reason = reason == null ? "" : reason;
    }
}
