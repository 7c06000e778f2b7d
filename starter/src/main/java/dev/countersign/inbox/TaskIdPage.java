package dev.countersign.inbox;

import dev.countersign.task.InboxMemo;
import java.util.List;
import java.util.Map;

/**
 * One page of task ids, newest first, and the opaque token that asks for the next page; {@code
 * nextPageToken} is null when no more may follow. {@code memos} holds, by task id, the pending
 * approvals the page's tasks published themselves ({@link InboxMemo}, complete ones only): the
 * inbox need not ask those tasks.
 */
public record TaskIdPage(List<String> taskIds, String nextPageToken, Map<String, InboxMemo> memos) {

    public TaskIdPage {
        taskIds = List.copyOf(taskIds);
        memos = Map.copyOf(memos);
    }

    /** A page without memos. */
    public TaskIdPage(List<String> taskIds, String nextPageToken) {
        this(taskIds, nextPageToken, Map.of());
    }

    /** A last page. */
    public static TaskIdPage last(List<String> taskIds) {
        return new TaskIdPage(taskIds, null);
    }
}
