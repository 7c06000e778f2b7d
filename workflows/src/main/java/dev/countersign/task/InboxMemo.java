package dev.countersign.task;

import dev.countersign.approval.PendingApproval;
import dev.countersign.payload.PayloadBounds;
import java.util.List;

/**
 * What a task publishes in its memo for the inbox: its pending approvals as the inbox shows them, so
 * that a page of the inbox is one visibility call and not a query per task. A task whose approvals do
 * not fit in {@link #MAX_BYTES} publishes none and says so ({@code complete} false): the inbox asks
 * that task itself. The memo follows the task as visibility does (moments behind); a decision is
 * bound to the digest shown, so a row shown after it changed is refused, never misapplied.
 */
public record InboxMemo(boolean complete, List<PendingApproval> approvals) {

    /** The memo's key. */
    public static final String KEY = "countersign.inbox";

    /** At most this much of approvals in a memo (arguments and rationales, as compact JSON and UTF-8). */
    public static final int MAX_BYTES = 16 * 1024;

    /** Rough size of an approval's other fields (ids, rule, groups, times) in JSON. */
    private static final int FIELDS_BYTES = 512;

    public InboxMemo {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** The memo for these pending approvals: all of them, or none and not complete when they are too large. */
    static InboxMemo of(List<PendingApproval> pending) {
        long bytes = 0;
        for (PendingApproval approval : pending) {
            bytes += FIELDS_BYTES
                    + PayloadBounds.jsonBytes(approval.args())
                    + (approval.rationale() == null ? 0 : PayloadBounds.utf8Length(approval.rationale()));
        }
        return bytes <= MAX_BYTES ? new InboxMemo(true, pending) : new InboxMemo(false, List.of());
    }
}
