package dev.countersign.cli.tasks;

import dev.countersign.cli.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Sends guidance to a task's agent, read before its next step. */
@Command(
        name = "guide",
        mixinStandardHelpOptions = true,
        description = "Send guidance to a task's agent; it reads it before its next step.")
public final class GuideTaskCommand implements Callable<Integer> {

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
        return message.sendText("guidance", text, "guidance sent to " + Text.oneLine(message.taskId()));
    }
}
