package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.Usage;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.api.ServerOptions;
import dev.countersign.cli.output.Json;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The server options and TASK_ID of the commands that post a message (guidance, an answer, a
 * cancellation, a termination) to a task, and the posting: send it, then say that it went.
 */
final class TaskMessage {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Mixin
    private ServerOptions server;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    String taskId() {
        return taskId;
    }

    /** Sends {@code {"text": ...}}; a blank {@code --text} is refused before any request. */
    int sendText(String endpoint, String text, String done) {
        Usage.requireText(command, "--text", text);
        return send(endpoint, Json.MAPPER.createObjectNode().put("text", text), done);
    }

    int send(String endpoint, ObjectNode body, String done) {
        // not retried on its own: the server does not recognise a repeated message, so it would count twice
        server.connect().post(PathSegments.path("api", "tasks", taskId, endpoint), body);
        command.commandLine().getOut().println(done);
        command.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
