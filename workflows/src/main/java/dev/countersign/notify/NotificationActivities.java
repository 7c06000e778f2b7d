package dev.countersign.notify;

import io.temporal.activity.ActivityInterface;

/**
 * Tells the reviewers of an approval's current tier that it waits for them, and an agent that runs its
 * own tools what became of a call it ran. The workflow calls it without waiting, so a failing target
 * never blocks or loses the approval.
 */
@ActivityInterface
public interface NotificationActivities {

    /**
     * Attempts the workflow gives a notification; implementations return a receipt with the
     * failures on the last attempt instead of throwing, so the task records what failed.
     */
    int MAX_ATTEMPTS = 5;

    NotificationReceipt notifyReviewers(ReviewerNotification notification);

    /** POSTs {@code callback} to the URL the agent gave with its gate; the receipt names it delivered or failed. */
    NotificationReceipt notifyAgent(AgentCallback callback);
}
