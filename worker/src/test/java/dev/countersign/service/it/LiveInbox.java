package dev.countersign.service.it;

import dev.countersign.service.testing.Eventually;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's inbox page left open in a browser: it polls its rows as htmx does (the
 * {@code hx-get} of {@code #inbox-rows}, with {@code HX-Request}), keeps its rows on a 204 (nothing
 * changed) and swaps in the new rows, with their next poll URL, on a 200.
 */
final class LiveInbox {

    private static final Pattern ROWS = Pattern.compile("<div id=\"inbox-rows\"[^>]*>");
    private static final Pattern POLL_URL = Pattern.compile("hx-get=\"([^\"]+)\"");

    private final ConsoleSession session;
    private final int port;
    private String rows;
    private String pollUrl;
    private int polls;

    private LiveInbox(ConsoleSession session, int port) {
        this.session = session;
        this.port = port;
    }

    /** Opens the inbox page on the replica at {@code port}. */
    static LiveInbox open(ConsoleSession session, int port) {
        LiveInbox inbox = new LiveInbox(session, port);
        inbox.swapIn(session.get(port, "/inbox").expect(200).body());
        return inbox;
    }

    /** Polls until a row shows the approval; answers how many polls that took. */
    int awaitRow(String approvalId, Duration timeout) {
        return awaitShown(approvalId, true, timeout);
    }

    /** Polls until no row shows the approval; answers how many polls that took. */
    int awaitNoRow(String approvalId, Duration timeout) {
        return awaitShown(approvalId, false, timeout);
    }

    boolean shows(String approvalId) {
        return rows.contains("data-approval-id=\"" + approvalId + "\"");
    }

    String rows() {
        return rows;
    }

    private int awaitShown(String approvalId, boolean shown, Duration timeout) {
        int before = polls;
        Eventually.until(
                session.user() + "'s open inbox on port " + port + (shown ? " shows " : " no longer shows ")
                        + approvalId,
                timeout,
                Deadlines.POLL,
                () -> {
                    poll();
                    return shows(approvalId);
                },
                showing -> showing == shown);
        return polls - before;
    }

    private void poll() {
        polls++;
        ConsoleSession.Page answer = session.htmxGet(port, pollUrl);
        if (answer.status() == 200) {
            swapIn(answer.body());
        } else {
            answer.expect(204);
        }
    }

    private void swapIn(String html) {
        Matcher div = ROWS.matcher(html);
        if (!div.find()) {
            throw new AssertionError("no #inbox-rows on port " + port + ": " + html);
        }
        Matcher url = POLL_URL.matcher(div.group());
        if (!url.find()) {
            throw new AssertionError("#inbox-rows has no hx-get on port " + port + ": " + div.group());
        }
        rows = html.substring(div.start());
        pollUrl = url.group(1).replace("&amp;", "&");
    }
}
