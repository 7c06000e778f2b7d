package dev.countersign.cli.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Rebuilds the decision record from the tasks Temporal keeps and prints what it found; admins only. */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        description = {
            "Compute the decision record again from every task Temporal still keeps: add the rows it misses,"
                    + " and report the rows that differ and those whose task Temporal no longer keeps.",
            "Admins only. It never changes or deletes a stored row, so it is safe to run again."
        })
public final class RebuildRecordsCommand implements Callable<Integer> {

    @Mixin
    private ApiOptions api;

    @Override
    public Integer call() {
        JsonNode report = api.connect().post("/api/records/rebuild", Map.of()).body();
        api.print(report, out -> print(report, out));
        return ExitCode.OK;
    }

    private static void print(JsonNode report, PrintWriter out) {
        out.println("tasks read from Temporal: " + Json.text(report, "tasksRead")
                + (report.path("truncated").asBoolean() ? " (older ones left out)" : ""));
        list(out, "tasks Temporal could not read", report.path("unreadableTaskIds"));
        out.println("rows added: " + Json.text(report, "rowsAdded"));
        list(out, "added", report.path("added"));
        out.println("rows that differ from their task: " + Json.text(report, "rowsDiffering"));
        for (JsonNode difference : report.path("differences")) {
            JsonNode stored = difference.path("stored");
            JsonNode task = difference.path("fromTask");
            out.println("  "
                    + Text.oneLine(Json.text(stored, "taskId") + "/" + Json.text(stored, "actionId") + "/"
                            + Json.text(stored, "eventKey"))
                    + ": record says " + summary(stored) + ", task says "
                    + summary(task));
        }
        out.println(
                "rows only in the record (their task is gone from Temporal): " + Json.text(report, "rowsOnlyInStore"));
        list(out, "tasks", report.path("tasksOnlyInStore"));
    }

    private static String summary(JsonNode row) {
        return Text.oneLine(
                Json.text(row, "outcome") + " by " + Json.text(row, "by") + " (" + Json.text(row, "rule") + ")");
    }

    private static void list(PrintWriter out, String what, JsonNode items) {
        if (items.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder("  " + what + ":");
        items.forEach(item -> line.append(' ').append(Text.oneLine(item.asText())));
        out.println(line);
    }
}
