package dev.countersign.inbox;

import java.util.List;

/**
 * Finds agent tasks on the Temporal server: the open ones (where pending approvals live) and the
 * most recent ones. Behind one interface so a visibility query and a scan are interchangeable.
 */
public interface TaskDirectory {

    /** Ids of tasks that are still running, newest first. */
    List<String> openTaskIds();

    /**
     * Ids of running tasks that wait for an approval one of these groups may give, newest first; a
     * superset is fine (the caller checks each pending approval), a subset is not.
     */
    List<String> awaitingApprovalTaskIds(java.util.Collection<String> groups);

    /**
     * Ids of running tasks with an executed action these groups (or, for an operator, anyone) may
     * review now, newest first; a superset is fine (the caller checks each action), a subset is not.
     * Without a better way to find them, every running task.
     */
    default List<String> awaitingReviewTaskIds(java.util.Collection<String> groups, boolean operator) {
        return openTaskIds();
    }

    /** How many running tasks wait for an approval now, whoever may give it. */
    long countAwaitingApproval();

    /** Ids of tasks open or closed, newest first, at most {@code limit}. */
    List<String> recentTaskIds(int limit);
}
