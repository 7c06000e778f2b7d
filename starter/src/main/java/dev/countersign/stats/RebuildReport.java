package dev.countersign.stats;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild of the decision record from the tasks found: how many tasks it read from Temporal
 * ({@code truncated} when it left older ones out) and which could not be read; the rows it added
 * because the record missed them ({@code added} lists at most {@link #MAX_LISTED} as
 * task/action/event key); the rows the record holds that differ from what the task's history says
 * now; and the rows whose task Temporal no longer keeps (its retention deleted it), which only the
 * record still tells.
 */
public record RebuildReport(
        Instant rebuiltAt,
        int tasksRead,
        boolean truncated,
        List<String> unreadableTaskIds,
        int rowsAdded,
        List<String> added,
        int rowsDiffering,
        List<RowDifference> differences,
        int rowsOnlyInStore,
        List<String> tasksOnlyInStore) {

    /** How many rows, differences or tasks each list names at most; the counts count all. */
    public static final int MAX_LISTED = 100;

    public RebuildReport {
        unreadableTaskIds = List.copyOf(unreadableTaskIds);
        added = List.copyOf(added);
        differences = List.copyOf(differences);
        tasksOnlyInStore = List.copyOf(tasksOnlyInStore);
    }
}
