package dev.countersign.cli.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.api.ServerOptions;
import picocli.CommandLine.Model.CommandSpec;

/** Posts a message (guidance, an answer, a cancellation) to a task and says that it went. */
final class TaskMessageSender {

    private TaskMessageSender() {}

    static int send(
            CommandSpec spec, ServerOptions server, String taskId, String endpoint, ObjectNode body, String done) {
        // not retried on its own: the server does not recognise a repeated message, so it would count twice
        server.connect().post(PathSegments.path("api", "tasks", taskId, endpoint), body);
        spec.commandLine().getOut().println(done);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
