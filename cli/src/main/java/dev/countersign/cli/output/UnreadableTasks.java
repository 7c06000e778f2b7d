package dev.countersign.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;

/**
 * The rows a listing sends for tasks the server could not read in time ({@code status} UNREADABLE
 * or how the task ended, and an {@code error}): printed after the rest, so they are noticed.
 */
public final class UnreadableTasks {

    private UnreadableTasks() {}

    /** Whether a listing's entry is such a row rather than the thing listed. */
    public static boolean is(JsonNode entry) {
        return entry.has("error") && !entry.has("approvalId") && !entry.has("action");
    }

    public static void print(List<JsonNode> unreadable, PrintWriter out, OptionalInt width) {
        if (unreadable.isEmpty()) {
            return;
        }
        out.println();
        out.println(
                unreadable.size() == 1
                        ? "1 task cannot be read right now:"
                        : unreadable.size() + " tasks cannot be read right now:");
        Table table = Table.withFlexibleColumn("ERROR", "TASK", "STATUS", "REQUESTER", "ERROR");
        for (JsonNode task : unreadable) {
            table.row(
                    Json.text(task, "taskId"),
                    Json.text(task, "status"),
                    Json.text(task, "requester"),
                    Json.text(task, "error"));
        }
        table.print(out, width);
    }
}
