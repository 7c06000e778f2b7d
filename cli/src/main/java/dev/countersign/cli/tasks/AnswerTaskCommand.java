package dev.countersign.cli.tasks;

import dev.countersign.cli.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Answers the agent's open question. */
@Command(
        name = "answer",
        mixinStandardHelpOptions = true,
        description = "Answer the question the agent asked (see `countersign tasks show`).")
public final class AnswerTaskCommand implements Callable<Integer> {

    @Mixin
    private TaskMessage message;

    @Option(
            names = {"-t", "--text"},
            required = true,
            paramLabel = "TEXT",
            description = "your answer")
    private String text;

    @Override
    public Integer call() {
        return message.sendText("answer", text, "answer sent to " + Text.oneLine(message.taskId()));
    }
}
