package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Cancels a task; only its requester or an operator may. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Cancel a task. Only its requester or an operator may.")
public final class CancelTaskCommand implements Callable<Integer> {

    @Mixin
    private TaskMessage message;

    @Option(
            names = {"-r", "--reason"},
            paramLabel = "TEXT",
            description = "why, kept with the task")
    private String reason;

    @Override
    public Integer call() {
        ObjectNode body = Json.putIfGiven(Json.MAPPER.createObjectNode(), "reason", reason);
        return message.send("cancel", body, "cancellation of " + Text.oneLine(message.taskId()) + " requested");
    }
}
