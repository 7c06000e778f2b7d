package dev.countersign.service.console.inbox;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.service.console.ConsoleFormat;
import dev.countersign.service.console.ConsoleUser;
import dev.countersign.service.console.claim.Claims;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approvals a reviewer may decide now, newest first, filtered, with claims and selections: those
 * of the newest {@value #PAGE_SIZE} tasks awaiting the reviewer, read as the API's first page is, so
 * the page answers as fast with 10,000 pending as with ten.
 */
@Component
public class Inbox {

    /** How many of the tasks awaiting the reviewer the inbox reads; the page says when more wait. */
    public static final int PAGE_SIZE = 50;

    private final Countersign countersign;
    private final Claims claims;
    private final ConsoleFormat format;

    public Inbox(Countersign countersign, Claims claims, ConsoleFormat format) {
        this.countersign = countersign;
        this.claims = claims;
        this.format = format;
    }

    /** The rows, and the tasks that could not be read although they await one of the user's groups. */
    public Page page(ConsoleUser user, InboxFilter filter, Set<String> selected) {
        ApprovalInbox inbox = countersign.inbox(user.name(), user.groups(), PAGE_SIZE, null);
        List<InboxRow> rows = inbox.approvals().stream()
                .map(approval -> new InboxRow(
                        approval,
                        claims.of(approval.approvalId()).orElse(null),
                        selected.contains(Selection.of(approval.approvalId(), approval.argsDigest())
                                .value())))
                .filter(filter::matches)
                .toList();
        return new Page(rows, inbox.unreadable(), inbox.nextPageToken() != null);
    }

    /** What the inbox shows: its rows, the unreadable tasks, and whether more tasks wait beyond them. */
    public record Page(List<InboxRow> rows, List<UnreadableTask> unreadable, boolean more) {}

    /**
     * A short fingerprint of what the rows show, so the page's poll gets "nothing new" (204) and
     * keeps the reviewer's focus and scroll position until something changed (the time left
     * before escalation included, so it never shows a stale countdown).
     */
    public String fingerprint(Page page) {
        StringBuilder unreadable = new StringBuilder();
        page.unreadable().forEach(task -> unreadable.append(task.taskId()).append('|'));
        return fingerprint(page.rows())
                + (page.more() ? "-more" : "")
                + (unreadable.isEmpty()
                        ? ""
                        : "-u" + Integer.toHexString(unreadable.toString().hashCode()));
    }

    private String fingerprint(List<InboxRow> rows) {
        StringBuilder shown = new StringBuilder();
        for (InboxRow row : rows) {
            shown.append(row.approval().approvalId())
                    .append('|')
                    .append(row.approval().argsDigest())
                    .append('|')
                    .append(row.approval().approvals())
                    .append('|')
                    .append(format.timeLeft(row.approval().escalatesAt()))
                    .append('|')
                    .append(row.claim() == null ? "" : row.claim().reviewer())
                    .append('\n');
        }
        return Integer.toHexString(shown.toString().hashCode()) + "-" + rows.size();
    }
}
