package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.Usage;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Times;
import dev.countersign.cli.output.UnreadableTasks;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The newest tasks first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the newest tasks first.")
public final class ListTasksCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 500;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ApiOptions api;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "at most N tasks, 1 to " + MAX_LIMIT + " (default: 50)")
    private int limit;

    @Override
    public Integer call() {
        Usage.requireBetween(spec, "--limit", limit, 1, MAX_LIMIT, "");
        JsonNode tasks = api.connect().get("/api/tasks?limit=" + limit).body();
        api.print(tasks, out -> print(tasks, out));
        return ExitCode.OK;
    }

    private void print(JsonNode tasks, PrintWriter out) {
        if (tasks.isEmpty()) {
            out.println("no tasks yet: start one with `countersign tasks start --agent AGENT --goal TEXT`");
        } else {
            Table table = Table.withFlexibleColumn("GOAL", "TASK", "STATUS", "AGENT", "REQUESTER", "UPDATED", "GOAL")
                    .dropWhenNarrow("AGENT", "UPDATED", "REQUESTER");
            for (JsonNode task : tasks) {
                // a task the server could not read in time is a row that says so, in its place
                table.row(
                        Json.text(task, "taskId"),
                        Json.text(task, "status"),
                        Json.text(task, "agent"),
                        Json.text(task, "requester"),
                        Times.local(Json.text(task, "updatedAt"), api.zone()),
                        UnreadableTasks.is(task)
                                ? "cannot be read: " + Json.text(task, "error")
                                : Json.text(task, "goal"));
            }
            table.print(out, api.width());
        }
    }
}
