package dev.countersign.client;

import dev.countersign.approval.PendingApproval;
import dev.countersign.listing.UnreadableTask;
import java.util.List;

/**
 * A reviewer's inbox: the approvals they may decide now, newest first, and the tasks that could
 * not be read although visibility says they await one of the reviewer's groups.
 */
public record ApprovalInbox(List<PendingApproval> approvals, List<UnreadableTask> unreadable) {

    public ApprovalInbox {
        approvals = List.copyOf(approvals);
        unreadable = List.copyOf(unreadable);
    }
}
