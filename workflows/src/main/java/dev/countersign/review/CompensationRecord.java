package dev.countersign.review;

import dev.countersign.agent.JsonValues;
import java.time.Instant;
import java.util.Map;

/**
 * What became of an action's compensation: its name, the compensating action's result or the error
 * it failed with after its retries, when, how many times it was run, and, when an operator resolved
 * a failed one by hand, who did and what they wrote.
 */
public record CompensationRecord(
        String compensation,
        Map<String, Object> result,
        String error,
        Instant at,
        int runs,
        String resolvedBy,
        String resolution) {

    public CompensationRecord {
        result = result == null ? null : JsonValues.immutableCopy(result);
    }

    public static CompensationRecord succeeded(String compensation, Map<String, Object> result, Instant at, int runs) {
        return new CompensationRecord(compensation, result, null, at, runs, null, null);
    }

    public static CompensationRecord failed(String compensation, String error, Instant at, int runs) {
        return new CompensationRecord(compensation, null, error, at, runs, null, null);
    }

    public CompensationRecord resolvedBy(String operator, String comment, Instant when) {
        return new CompensationRecord(compensation, result, error, when, runs, operator, comment);
    }
}
