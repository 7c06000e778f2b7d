package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Terminates a task at once, for operators: a task that cannot be read or cancelled, for example. */
@Command(
        name = "terminate",
        mixinStandardHelpOptions = true,
        description = {
            "Terminate a task at once (operators only), for example one that cannot be read.",
            "Nothing it would still do runs, no compensation included; who and why are recorded."
        })
public final class TerminateTaskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TaskMessage message;

    @Option(
            names = {"-r", "--reason"},
            required = true,
            paramLabel = "TEXT",
            description = "why, recorded in the task's history with your name")
    private String reason;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason must say why the task is terminated");
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("reason", reason);
        return message.send("terminate", body, Text.oneLine(message.taskId()) + " terminated: " + Text.oneLine(reason));
    }
}
