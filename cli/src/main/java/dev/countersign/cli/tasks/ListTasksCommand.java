package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ServerOptions;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.OutputOptions;
import dev.countersign.cli.output.Table;
import dev.countersign.cli.output.Times;
import dev.countersign.cli.output.UnreadableTasks;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The newest tasks first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the newest tasks first.")
public final class ListTasksCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 500;

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Mixin
    private OutputOptions output;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "at most N tasks, 1 to " + MAX_LIMIT + " (default: 50)")
    private int limit;

    public ListTasksCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(
                    spec.commandLine(), "--limit must lie between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        JsonNode tasks = server.connect().get("/api/tasks?limit=" + limit).body();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.pretty(tasks));
        } else if (tasks.isEmpty()) {
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
                        Times.local(Json.text(task, "updatedAt"), context.zone()),
                        UnreadableTasks.is(task)
                                ? "cannot be read: " + Json.text(task, "error")
                                : Json.text(task, "goal"));
            }
            table.print(out, context.terminal().width());
        }
        out.flush();
        return ExitCode.OK;
    }
}
