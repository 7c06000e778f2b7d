package dev.countersign.service.api;

import dev.countersign.approval.ApprovalId;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.service.limits.FieldLimits;
import dev.countersign.service.security.Reviewer;
import dev.countersign.service.security.TaskAccess;
import org.springframework.stereotype.Component;

/**
 * One decision through the API, as POST /api/approvals/{id}/decision and each item of a bulk
 * decision make it: the body's limits and rules are checked, the workflow decides, and a refusal of
 * an approval whose task the caller may not read answers as an unknown approval does.
 */
@Component
class ApprovalDecisions {

    private final Countersign countersign;
    private final FieldLimits limits;
    private final TaskAccess access;

    ApprovalDecisions(Countersign countersign, FieldLimits limits, TaskAccess access) {
        this.countersign = countersign;
        this.limits = limits;
        this.access = access;
    }

    /** Refuses a comment longer than its limit ({@code FieldTooLong}), before any decision is sent. */
    void checkComment(String comment) {
        limits.text("comment", comment);
    }

    DecisionResult decide(Reviewer caller, String approvalId, String decisionId, DecisionBody body) {
        checkComment(body.comment());
        limits.args(body.args());
        try {
            return countersign.decide(body.toRequest(decisionId, approvalId, caller));
        } catch (DecisionRefused refused) {
            // Whoever may decide may read the task, so only a refusal needs the read-scope check.
            if (!access.readsEveryTask(caller)
                    && access.readable(
                                    caller, ApprovalId.parse(approvalId).flatMap(id -> countersign.task(id.taskId())))
                            .isEmpty()) {
                throw new ApprovalNotFound("no approval " + approvalId);
            }
            throw refused;
        }
    }
}
