package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.api.ServerOptions;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.OutputOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One task: its status, its actions with their verdicts and decisions, and what it waits for. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show a task: status, actions, decisions, and what it waits for.")
public final class ShowTaskCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Mixin
    private OutputOptions output;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    public ShowTaskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode task =
                server.connect().get(PathSegments.path("api", "tasks", taskId)).body();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.pretty(task));
        } else {
            new TaskPrinter(out, context.terminal().width(), context.zone()).print(task);
        }
        out.flush();
        return ExitCode.OK;
    }
}
