package dev.countersign.inbox;

import java.util.List;

/**
 * One page of task ids, newest first, and the opaque token that asks for the next page; {@code
 * nextPageToken} is null when no more may follow.
 */
public record TaskIdPage(List<String> taskIds, String nextPageToken) {

    public TaskIdPage {
        taskIds = List.copyOf(taskIds);
    }

    /** A last page. */
    public static TaskIdPage last(List<String> taskIds) {
        return new TaskIdPage(taskIds, null);
    }
}
