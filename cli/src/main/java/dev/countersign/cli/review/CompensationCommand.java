package dev.countersign.cli.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.Usage;
import dev.countersign.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** For operators: a rollback whose compensation kept failing is retried, or marked resolved by hand. */
@Command(
        name = "compensation",
        mixinStandardHelpOptions = true,
        description = {
            "Act on a rollback whose compensation failed (the task shows NEEDS_ATTENTION). Operators only.",
            "retry runs it again with the same idempotency key; resolve records that you undid it by hand."
        })
public final class CompensationCommand {

    @Spec
    private CommandSpec spec;

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Run the failed compensation again.")
    int retry(@Mixin OneAction action) {
        JsonNode answer = send(action, "retry", Json.MAPPER.createObjectNode());
        String described = ReviewOutcome.describe(answer);
        action.api()
                .printOutcome(answer, "retried " + action.named() + ": " + (described == null ? "sent" : described));
        return ReviewOutcome.exitCode(answer);
    }

    @Command(
            name = "resolve",
            mixinStandardHelpOptions = true,
            description = "Record that you undid the action by hand; your name and comment are kept.")
    int resolve(
            @Mixin OneAction action,
            @Option(
                            names = {"-c", "--comment"},
                            required = true,
                            paramLabel = "TEXT",
                            description = "how it was undone")
                    String comment) {
        Usage.requireText(spec.subcommands().get("resolve").getCommandSpec(), "--comment", comment);
        ObjectNode body = Json.MAPPER.createObjectNode().put("comment", comment);
        JsonNode answer = send(action, "resolve", body);
        action.api().printOutcome(answer, "resolved " + action.named() + " by hand");
        return ExitCode.OK;
    }

    private JsonNode send(OneAction action, String what, ObjectNode body) {
        return action.postWithHints(
                body,
                "this server cannot take compensation commands: it is older than this CLI",
                "only a rollback that failed can be retried or resolved; run `countersign tasks show " + action.taskId()
                        + "` to see the action's review",
                "compensation",
                what);
    }
}
