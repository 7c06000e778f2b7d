package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Text;
import dev.countersign.cli.output.Times;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A task's decision timeline, built by the server from the workflow's event history. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Show a task's timeline: proposals, policy verdicts, decisions, executions.")
public final class TaskHistoryCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private ApiOptions api;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    public TaskHistoryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode history = history();
        api.print(history, out -> print(history, out));
        return ExitCode.OK;
    }

    private JsonNode history() {
        try {
            return api.connect()
                    .get(PathSegments.path("api", "tasks", taskId, "history"))
                    .body();
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
                        Times.local(Json.text(event, "at"), context.zone()),
                        Json.text(event, "kind"),
                        Json.text(event, "actionId"),
                        Json.text(event, "actor"),
                        summary(event));
            }
            table.print(out, context.terminal().width());
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
