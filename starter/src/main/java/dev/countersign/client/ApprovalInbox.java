package dev.countersign.client;

import dev.countersign.approval.PendingApproval;
import dev.countersign.listing.UnreadableTask;
import java.util.List;

/**
 * A reviewer's inbox, or one page of it: the approvals they may decide now, newest first, the tasks
 * that could not be read although visibility says they await one of the reviewer's groups, and the
 * token of the next page ({@code nextPageToken}, null when no more may follow).
 */
public record ApprovalInbox(List<PendingApproval> approvals, List<UnreadableTask> unreadable, String nextPageToken) {

    public ApprovalInbox {
        approvals = List.copyOf(approvals);
        unreadable = List.copyOf(unreadable);
    }

    /** The whole inbox, or its last page. */
    public ApprovalInbox(List<PendingApproval> approvals, List<UnreadableTask> unreadable) {
        this(approvals, unreadable, null);
    }

    /** Whether this page shows nothing. */
    public boolean isEmpty() {
        return approvals.isEmpty() && unreadable.isEmpty();
    }
}
