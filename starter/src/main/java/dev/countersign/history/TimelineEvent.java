package dev.countersign.history;

import dev.countersign.agent.JsonValues;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a task's story, read from its workflow history: when, what kind, which action and
 * tool it concerns, who acted (the requester or a reviewer; null for the agent, the policy and the
 * system), one human sentence, and JSON-shaped details whose fields depend on the kind.
 *
 * @param eventId the id of the history event it was read from, within its run (ids start over at 1
 *     after each CONTINUED_AS_NEW); an AWAITING_APPROVAL shares the id of the POLICY_VERDICT that
 *     caused it
 * @param actionId "a1", "a2", ... in the order the agent proposed tool calls; null when it concerns
 *     no tool call
 */
public record TimelineEvent(
        long eventId,
        Instant at,
        TimelineKind kind,
        String actionId,
        String tool,
        String actor,
        String summary,
        Map<String, Object> details) {

    public TimelineEvent {
        if (at == null || kind == null || summary == null) {
            throw new IllegalArgumentException("a timeline event needs a time, a kind and a summary");
        }
        details = details == null ? Map.of() : JsonValues.immutableCopy(details);
    }
}
