package dev.countersign.record;

import dev.countersign.task.DecisionEvent;
import dev.countersign.task.DecisionRecordRow;
import java.time.Instant;

/** Rows of the decision record for store and statistics tests. */
final class Rows {

    private Rows() {}

    static DecisionRecordRow row(
            String taskId, String actionId, String key, DecisionEvent kind, String outcome, Instant at) {
        return new DecisionRecordRow(
                taskId,
                actionId,
                key,
                kind,
                at,
                "dave",
                "support",
                "issue_refund",
                outcome,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
