package dev.countersign.client;

import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;

/**
 * An executed action waiting for a reviewer's verdict (its review window open), or, for operators,
 * one whose rollback failed and needs attention; with its task's id, requester and status.
 */
public record PendingReview(String taskId, String requester, TaskStatus taskStatus, ActionView action) {

    public PendingReview {
        if (taskId == null || action == null) {
            throw new IllegalArgumentException("a pending review needs a task id and an action");
        }
    }
}
