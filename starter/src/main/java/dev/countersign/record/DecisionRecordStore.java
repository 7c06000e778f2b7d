package dev.countersign.record;

import dev.countersign.task.DecisionRecordRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where the decision record is kept: rows by (task, action, event key), each stored once, kept until
 * {@code countersign.decision-record.retention} has passed, whatever Temporal's retention did with
 * the task's workflow.
 */
public interface DecisionRecordStore {

    /** Stores the rows not stored yet, ignoring the others; returns how many were new. */
    int record(List<DecisionRecordRow> rows);

    /** The rows of these tasks, by task, then action number, then time. */
    List<DecisionRecordRow> rowsOf(Collection<String> taskIds);

    /**
     * The tasks with rows, newest first by their first row, at most {@code limit}; {@code since}
     * (null: any) keeps those whose first row is at or after it.
     */
    List<String> newestTasks(Instant since, int limit);

    /** How many rows these tasks have, counted where they are stored. */
    int countRowsOf(Collection<String> taskIds);

    /** Every task the record holds rows of. */
    List<String> taskIds();

    /** Deletes the rows of things that happened before {@code cutoff}; returns how many. Idempotent. */
    int purgeBefore(Instant cutoff);
}
