package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Text;
import dev.countersign.cli.output.Times;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A task's decision timeline, built by the server from the workflow's event history. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Show a task's timeline: proposals, policy verdicts, decisions, executions.")
public final class TaskHistoryCommand implements Callable<Integer> {

    @Mixin
    private OneTask task;

    @Override
    public Integer call() {
        JsonNode history = history();
        task.api().print(history, out -> print(history, out));
        return ExitCode.OK;
    }

    private JsonNode history() {
        try {
            return task.get(task.path("history"));
        } catch (ApiException failure) {
            if (failure.noSuchEndpoint()) {
                throw failure.withHint("this server has no history endpoint: it is older than this CLI");
            }
            throw failure;
        }
    }

    private void print(JsonNode history, PrintWriter out) {
        JsonNode events = history.path("events");
        if (events.isEmpty()) {
            out.println("no events yet");
        } else {
            Table table = Table.withFlexibleColumn("SUMMARY", "TIME", "KIND", "ACTION", "ACTOR", "SUMMARY");
            for (JsonNode event : events) {
                table.row(
                        Times.local(Json.text(event, "at"), task.api().zone()),
                        Json.text(event, "kind"),
                        Json.text(event, "actionId"),
                        Json.text(event, "actor"),
                        summary(event));
            }
            table.print(out, task.api().width());
        }
        String webUi = Json.text(history, "webUiUrl");
        if (!webUi.isEmpty()) {
            out.println();
            out.println("Temporal Web UI: " + Text.oneLine(webUi));
        }
    }

    private static String summary(JsonNode event) {
        String tool = Json.text(event, "tool");
        String summary = Json.text(event, "summary");
        return tool.isEmpty() || summary.contains(tool) ? summary : tool + ": " + summary;
    }
}
