package dev.countersign.record;

import dev.countersign.task.DecisionRecordActivities;
import dev.countersign.task.DecisionRecordRow;
import java.util.List;

/** Writes the rows a task sends into the {@link DecisionRecordStore}; a store that fails is retried by Temporal. */
public class DecisionRecordActivitiesImpl implements DecisionRecordActivities {

    private final DecisionRecordStore store;

    public DecisionRecordActivitiesImpl(DecisionRecordStore store) {
        this.store = store;
    }

    @Override
    public void recordDecisions(List<DecisionRecordRow> rows) {
        store.record(rows);
    }
}
