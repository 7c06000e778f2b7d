package dev.countersign.activities.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.approval.PendingApproval;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.ReviewerNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Slack incoming-webhook message: a one-line {@code text} (what phones and screen readers show)
 * and blocks with the details and two link buttons. The buttons only open the web console; the
 * reviewer signs in there and decides there. Agent-written text is escaped, so an argument such as
 * {@code <!channel>} cannot ping a channel.
 */
final class SlackPayload {

    private static final int MAX_ARGS = 200;
    private static final int MAX_RATIONALE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayload() {}

    static Map<String, Object> of(ReviewerNotification notification, ConsoleLinks links) {
        PendingApproval approval = notification.approval();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", escape(line(notification)));
        body.put("blocks", List.of(section(notification), context(approval), actions(approval, links)));
        return body;
    }

    /** Who must decide what, on which arguments, under which rule, by when. */
    private static String line(ReviewerNotification notification) {
        PendingApproval approval = notification.approval();
        StringBuilder line = new StringBuilder()
                .append(title(notification.kind()))
                .append(": ")
                .append(deciders(approval))
                .append(" must decide on ")
                .append(approval.tool())
                .append(" (")
                .append(summary(approval.args()))
                .append(") for task ")
                .append(approval.taskId())
                .append(" · ")
                .append(terms(approval, approval.escalatesAt()));
        if (notification.kind() == NotificationKind.ESCALATED
                && !notification.reason().isBlank()) {
            line.append(" · ").append(notification.reason());
        }
        return line.toString();
    }

    private static Map<String, Object> section(ReviewerNotification notification) {
        PendingApproval approval = notification.approval();
        StringBuilder text = new StringBuilder()
                .append("*")
                .append(title(notification.kind()))
                .append("*: ")
                .append(escape(deciders(approval)))
                .append(" must decide on `")
                .append(escape(approval.tool()))
                .append("`\n*Arguments:* ")
                .append(escape(summary(approval.args())))
                .append("\n*Policy:* ")
                .append(escape(terms(approval, null)));
        if (approval.escalatesAt() != null) {
            text.append(", decide by ").append(localTime(approval.escalatesAt()));
        }
        if (notification.kind() == NotificationKind.ESCALATED
                && !notification.reason().isBlank()) {
            text.append("\n*Why now:* ").append(escape(notification.reason()));
        }
        if (approval.rationale() != null && !approval.rationale().isBlank()) {
            text.append("\n>").append(escape(truncate(approval.rationale().replace('\n', ' '), MAX_RATIONALE)));
        }
        return object("type", "section", "text", mrkdwn(text.toString()));
    }

    private static Map<String, Object> context(PendingApproval approval) {
        List<String> facts = new ArrayList<>();
        facts.add("task `" + escape(approval.taskId()) + "`");
        facts.add("approval `" + escape(approval.approvalId()) + "`");
        if (approval.requester() != null) {
            facts.add("requested by " + escape(approval.requester()));
        }
        if (approval.confidence() != null) {
            facts.add("model confidence " + approval.confidence());
        }
        return object("type", "context", "elements", List.of(mrkdwn(String.join(" · ", facts))));
    }

    private static Map<String, Object> actions(PendingApproval approval, ConsoleLinks links) {
        return object(
                "type",
                "actions",
                "elements",
                List.of(
                        button("approve", "Approve", "primary", links.decide(approval.approvalId(), "approve")),
                        button("reject", "Reject", "danger", links.decide(approval.approvalId(), "reject"))));
    }

    private static Map<String, Object> button(String id, String label, String style, String url) {
        return object(
                "type", "button",
                "action_id", id,
                "text", object("type", "plain_text", "text", label),
                "style", style,
                "url", url);
    }

    private static Map<String, Object> mrkdwn(String text) {
        return object("type", "mrkdwn", "text", text);
    }

    /** A JSON object whose keys keep the order given, so bodies read the same every time. */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static String title(NotificationKind kind) {
        return kind == NotificationKind.ESCALATED ? "Escalated" : "Approval requested";
    }

    private static String deciders(PendingApproval approval) {
        return approval.groups().isEmpty() ? "a reviewer" : String.join(" or ", approval.groups());
    }

    private static String terms(PendingApproval approval, Instant deadline) {
        String terms = "rule " + approval.rule() + ", tier " + approval.tier() + ", " + approval.approvals() + " of "
                + approval.required() + " approvals";
        return deadline == null ? terms : terms + ", decide by " + deadline;
    }

    /** Slack shows the deadline in each reader's own time zone, and the ISO instant where it cannot. */
    private static String localTime(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|" + instant + ">";
    }

    private static String summary(Map<String, Object> args) {
        List<String> pairs = new ArrayList<>();
        args.forEach((name, value) -> pairs.add(name + "=" + render(value)));
        return pairs.isEmpty() ? "no arguments" : truncate(String.join(", ", pairs), MAX_ARGS);
    }

    private static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return JSON.valueToTree(value).toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Slack's three control characters in mrkdwn; everything else is shown as written. */
    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
