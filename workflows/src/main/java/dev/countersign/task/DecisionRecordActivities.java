package dev.countersign.task;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * Keeps the rows of the decision record in a store that outlives the workflow histories Temporal's
 * retention deletes. A task sends each row as it appears, and may send it again (after a retry, or a
 * new run continued from the last): the store keeps the first copy of each (task, action, event key).
 */
@ActivityInterface
public interface DecisionRecordActivities {

    /** At most {@link #MAX_ROWS} rows a call. */
    int MAX_ROWS = 100;

    /** Stores the rows not stored yet, ignoring those already there; idempotent. */
    void recordDecisions(List<DecisionRecordRow> rows);
}
