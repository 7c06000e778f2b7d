package dev.countersign.cli.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Times;
import dev.countersign.cli.output.UnreadableTasks;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The inbox as a table: one pending approval a row, the arguments last and cut to fit the terminal. */
final class InboxTable {

    private InboxTable() {}

    static void print(JsonNode entries, PrintWriter out, OptionalInt width, Instant now) {
        List<JsonNode> approvals = new ArrayList<>();
        List<JsonNode> unreadable = new ArrayList<>();
        for (JsonNode entry : entries) {
            (UnreadableTasks.is(entry) ? unreadable : approvals).add(entry);
        }
        if (approvals.isEmpty()) {
            out.println("nothing to decide: no pending approval waits for you");
        } else {
            // ARGS comes last: the one column of any length neither pads the others nor pushes them off screen
            Table table = Table.withFlexibleColumn(
                            "ARGS", "APPROVAL", "TOOL", "REQUESTED", "RULE", "APPROVALS", "REQUESTER", "ARGS")
                    .dropWhenNarrow("RULE", "REQUESTER", "REQUESTED");
            for (JsonNode approval : approvals) {
                table.row(
                        Json.text(approval, "approvalId"),
                        Json.text(approval, "tool"),
                        Times.ago(Json.text(approval, "requestedAt"), now),
                        Json.text(approval, "rule"),
                        Json.text(approval, "approvals") + "/" + Json.text(approval, "required"),
                        Json.text(approval, "requester"),
                        Json.text(approval, "args"));
            }
            table.print(out, width);
        }
        UnreadableTasks.print(unreadable, out, width);
        out.flush();
    }
}
