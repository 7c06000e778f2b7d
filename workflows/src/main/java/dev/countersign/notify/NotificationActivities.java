package dev.countersign.notify;

import io.temporal.activity.ActivityInterface;

/**
 * Tells the reviewers of an approval's current tier that it waits for them. The workflow calls it
 * without waiting, so a failing target never blocks or loses the approval.
 */
@ActivityInterface
public interface NotificationActivities {

    NotificationReceipt notifyReviewers(ReviewerNotification notification);
}
