package dev.countersign.notify;

import java.time.Instant;

/**
 * What an agent that runs its own tools is told at the callback URL it gave with a gate: which call of
 * which task, what happened to it ({@link #ROLLBACK_REQUESTED}: a reviewer wants it undone, and
 * operators will undo it by hand), who asked, why, and when.
 */
public record AgentCallback(
        String callbackUrl,
        String taskId,
        String actionId,
        String tool,
        String event,
        String reviewer,
        String comment,
        Instant at) {

    /** A reviewer asked for the call to be rolled back; Countersign cannot, so operators undo it by hand. */
    public static final String ROLLBACK_REQUESTED = "rollback-requested";

    public AgentCallback {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw new IllegalArgumentException("an agent callback needs the url to call");
        }
        if (taskId == null || actionId == null || tool == null || event == null || at == null) {
            throw new IllegalArgumentException("an agent callback needs the task, action, tool, event and time");
        }
        reviewer = reviewer == null ? "" : reviewer;
        comment = comment == null ? "" : comment;
    }
}
