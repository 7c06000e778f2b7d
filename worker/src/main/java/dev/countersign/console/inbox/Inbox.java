package dev.countersign.console.inbox;

import dev.countersign.client.Countersign;
import dev.countersign.console.ConsoleFormat;
import dev.countersign.console.ConsoleUser;
import dev.countersign.console.claim.Claims;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The approvals a reviewer may decide now, newest first, filtered, with claims and selections. */
@Component
public class Inbox {

    private final Countersign countersign;
    private final Claims claims;
    private final ConsoleFormat format;

    public Inbox(Countersign countersign, Claims claims, ConsoleFormat format) {
        this.countersign = countersign;
        this.claims = claims;
        this.format = format;
    }

    public List<InboxRow> rows(ConsoleUser user, InboxFilter filter, Set<String> selected) {
        return countersign.approvalsFor(user.name(), user.groups()).stream()
                .map(approval -> new InboxRow(
                        approval,
                        claims.of(approval.approvalId()).orElse(null),
                        selected.contains(Selection.of(approval.approvalId(), approval.argsDigest())
                                .value())))
                .filter(filter::matches)
                .toList();
    }

    /**
     * A short fingerprint of what the rows show, so the page's poll gets "nothing new" (204) and
     * keeps the reviewer's focus and scroll position until something changed (the time left
     * before escalation included, so it never shows a stale countdown).
     */
    public String fingerprint(List<InboxRow> rows) {
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
