package dev.countersign.listing;

import dev.countersign.task.ActionView;
import java.util.List;

/**
 * Where a paged task read finds the actions that earlier runs of a long task archived when it
 * continued as new. The auto-configuration reads them from the application's action archive;
 * {@link #NONE} pages only the actions a task's current run holds.
 */
@FunctionalInterface
public interface ArchivedActionReader {

    /** No archive: a read pages the live actions only. */
    ArchivedActionReader NONE = (taskId, firstRunId, afterNumber, limit) -> List.of();

    /**
     * At most {@code limit} archived actions of the task whose number (the digits of an action id
     * {@code a<n>}) is above {@code afterNumber}, in order of their numbers.
     */
    List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit);
}
