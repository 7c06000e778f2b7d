package dev.countersign.task;

import io.temporal.activity.ActivityInterface;

/**
 * Keeps the actions a long task no longer holds in its state, so that every run's actions stay
 * readable after it continued as new, and gives one back when a rollback needs it.
 */
@ActivityInterface
public interface TaskArchiveActivities {

    /** Stores these actions, replacing earlier copies of the same ids; idempotent. */
    void archiveActions(ArchivedActions actions);

    /** The archived action, or a non-retryable failure of type {@code ActionNotArchived}. */
    ActionView archivedAction(String taskId, String firstRunId, String actionId);
}
