package dev.countersign.activities.task;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.task.ActionView;
import dev.countersign.task.ArchivedActions;
import dev.countersign.task.TaskArchiveActivities;
import io.temporal.failure.ApplicationFailure;

/** Keeps the actions a task hands off at continue-as-new in the {@link ActionArchive}. */
public class TaskArchiveActivitiesImpl implements TaskArchiveActivities {

    public static final String ACTION_NOT_ARCHIVED = "ActionNotArchived";

    public static final String INVALID_ACTION_ID = "InvalidActionId";

    private final ActionArchive archive;

    public TaskArchiveActivitiesImpl(ActionArchive archive) {
        if (archive == null) {
            throw new IllegalArgumentException("the task archive activities need an action archive");
        }
        this.archive = archive;
    }

    @Override
    public void archiveActions(ArchivedActions actions) {
        try {
            archive.archive(actions.taskId(), actions.firstRunId(), actions.actions());
        } catch (IllegalArgumentException badId) {
            // An id that is not a<n> cannot be ordered; it will not be different on a retry.
            throw ApplicationFailure.newNonRetryableFailureWithCause(badId.getMessage(), INVALID_ACTION_ID, badId);
        }
    }

    @Override
    public ActionView archivedAction(String taskId, String firstRunId, String actionId) {
        return archive.find(taskId, firstRunId, actionId)
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        "action " + actionId + " of task '" + taskId + "' (first run " + firstRunId
                                + ") is not in the action archive",
                        ACTION_NOT_ARCHIVED));
    }
}
