package dev.countersign.activities.notify;

import dev.countersign.approval.PendingApproval;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.ReviewerNotification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Countersign's own webhook body: the pending approval as the inbox shows it, and a console link. */
final class GenericPayload {

    private GenericPayload() {}

    static Map<String, Object> of(ReviewerNotification notification, ConsoleLinks links) {
        PendingApproval approval = notification.approval();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event(notification.kind()));
        body.put("approvalId", approval.approvalId());
        body.put("taskId", approval.taskId());
        body.put("actionId", approval.actionId());
        body.put("tool", approval.tool());
        body.put("args", approval.args());
        body.put("argsDigest", approval.argsDigest());
        body.put("rationale", approval.rationale());
        body.put("confidence", approval.confidence());
        body.put("tags", approval.tags());
        body.put("rule", approval.rule());
        body.put("policyHash", approval.policyHash());
        body.put("tier", approval.tier());
        body.put("groups", approval.groups());
        body.put("required", approval.required());
        body.put("approvals", approval.approvals());
        body.put("approvers", approval.approvers());
        body.put("requester", approval.requester());
        body.put("requestedAt", iso(approval.requestedAt()));
        body.put("escalatesAt", iso(approval.escalatesAt()));
        body.put("reason", notification.reason());
        body.put("links", Map.of("approval", links.approval(approval.approvalId())));
        return body;
    }

    /** The event name in bodies and in the delivery id. */
    static String event(NotificationKind kind) {
        return kind == NotificationKind.ESCALATED ? "escalated" : "approval_requested";
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
