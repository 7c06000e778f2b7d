package dev.countersign.stats;

import dev.countersign.task.DecisionRecordRow;

/** A row the decision record holds that says something else than its task's history now says. */
public record RowDifference(DecisionRecordRow stored, DecisionRecordRow fromTask) {}
