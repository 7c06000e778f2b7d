package dev.countersign.task;

import java.util.List;

/**
 * Actions that leave the task's state when it continues as new, to be kept in the action archive
 * where the API pages them. Written again with the same ids when an archived action changes (a
 * rollback of an old action): the archive keeps the latest.
 */
public record ArchivedActions(String taskId, String firstRunId, List<ActionView> actions) {

    public ArchivedActions {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
