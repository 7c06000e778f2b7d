package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import java.time.Instant;
import java.util.Map;

/**
 * One reviewer's decision on an action, as recorded: who, what, why, when, and for an edit the
 * arguments they set. An escalation or a timeout is recorded the same way, with no reviewer.
 */
public record DecisionRecord(
        String reviewer, DecisionRecordKind decision, String comment, Instant at, Map<String, Object> args) {

    public DecisionRecord {
        args = args == null ? null : JsonValues.immutableCopy(args);
    }
}
