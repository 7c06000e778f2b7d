package dev.countersign.service.console.inbox;

import dev.countersign.approval.PendingApproval;
import dev.countersign.service.console.approval.Risk;
import dev.countersign.service.console.claim.Claim;

/**
 * One approval in the inbox, with who is looking at it and whether the reviewer selected it for bulk
 * approval. The selection value carries the digest shown in the row, so a bulk approval is bound to
 * the arguments the reviewer saw.
 */
public record InboxRow(PendingApproval approval, Claim claim, boolean selected) {

    public String risk() {
        return Risk.of(approval);
    }

    /** The value of the row's checkbox: approval id and args digest. */
    public String selection() {
        return Selection.of(approval.approvalId(), approval.argsDigest()).value();
    }
}
