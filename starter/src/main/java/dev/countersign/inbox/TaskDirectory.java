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
     * One page of {@link #awaitingApprovalTaskIds}: at most {@code limit} ids, newest first, after
     * the page {@code pageToken} names (null for the first), and the token of the next page when more
     * may follow. Throws {@link InvalidPageToken} for a token it did not issue. This default lists
     * every id and slices; the directories of this package ask the server for one page only.
     */
    default TaskIdPage awaitingApprovalPage(java.util.Collection<String> groups, int limit, String pageToken) {
        int offset = 0;
        if (pageToken != null) {
            String text = PageTokens.text(pageToken);
            if (!text.matches("offset:[0-9]{1,9}")) {
                throw PageTokens.invalid();
            }
            offset = Integer.parseInt(text.substring("offset:".length()));
        }
        List<String> all = awaitingApprovalTaskIds(groups);
        int end = Math.min(all.size(), offset + limit);
        List<String> page = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new TaskIdPage(page, end < all.size() ? PageTokens.of("offset:" + end) : null);
    }

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
