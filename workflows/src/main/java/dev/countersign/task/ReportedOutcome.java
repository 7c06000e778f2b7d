package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import java.util.Map;

/**
 * What an agent's own run of an allowed call returned (the gate API): success with its result, or
 * the error it failed with. Reporting it uses the approval up; the task records it as the action's
 * outcome.
 */
public record ReportedOutcome(
        String actionId, String requester, boolean success, Map<String, Object> result, String error) {

    public ReportedOutcome {
        result = result == null ? Map.of() : JsonValues.immutableCopy(result);
        error = success ? null : (error == null || error.isBlank() ? "the agent reported a failure" : error);
    }
}
