package dev.countersign.cli.tasks;

import dev.countersign.cli.Usage;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sends guidance to a task's agent, read before its next step. */
@Command(
        name = "guide",
        mixinStandardHelpOptions = true,
        description = "Send guidance to a task's agent; it reads it before its next step.")
public final class GuideTaskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TaskMessage message;

    @Option(
            names = {"-t", "--text"},
            required = true,
            paramLabel = "TEXT",
            description = "the guidance")
    private String text;

    @Override
    public Integer call() {
        Usage.requireText(spec, "--text", text);
        return message.send(
                "guidance",
                Json.MAPPER.createObjectNode().put("text", text),
                "guidance sent to " + Text.oneLine(message.taskId()));
    }
}
