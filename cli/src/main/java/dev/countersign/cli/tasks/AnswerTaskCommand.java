package dev.countersign.cli.tasks;

import dev.countersign.cli.Usage;
import dev.countersign.cli.api.ServerOptions;
import dev.countersign.cli.output.Json;
import dev.countersign.cli.output.Text;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Answers the agent's open question. */
@Command(
        name = "answer",
        mixinStandardHelpOptions = true,
        description = "Answer the question the agent asked (see `countersign tasks show`).")
public final class AnswerTaskCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    @Option(
            names = {"-t", "--text"},
            required = true,
            paramLabel = "TEXT",
            description = "your answer")
    private String text;

    @Override
    public Integer call() {
        Usage.requireText(spec, "--text", text);
        return TaskMessageSender.send(
                spec,
                server,
                taskId,
                "answer",
                Json.MAPPER.createObjectNode().put("text", text),
                "answer sent to " + Text.oneLine(taskId));
    }
}
