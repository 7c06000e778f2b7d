package dev.countersign.cli.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.output.Json;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Reviews an executed action afterwards: ok, flag it, or roll it back through its compensation. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Review an executed action: ok, flag or rollback.",
            "flag marks it for a second look; rollback runs the tool's compensation."
        })
public final class ReviewCommand implements Callable<Integer> {

    @Mixin
    private OneAction action;

    @Parameters(
            index = "2",
            paramLabel = "VERDICT",
            completionCandidates = ReviewCommand.Verdicts.class,
            description = "ok, flag or rollback")
    private ReviewVerdict verdict;

    @Option(
            names = {"-c", "--comment"},
            paramLabel = "TEXT",
            description = "what you found")
    private String comment;

    /** The verdicts as people type them, for shell completion. */
    static final class Verdicts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("ok", "flag", "rollback").iterator();
        }
    }

    @Override
    public Integer call() {
        ObjectNode body =
                Json.putIfGiven(Json.MAPPER.createObjectNode().put("verdict", verdict.wireName()), "comment", comment);
        JsonNode answer = send(body);
        action.api().printOutcome(answer, "reviewed " + action.named() + ": " + outcome(answer));
        // The verdict was taken, but the undo did not happen: scripts must see that.
        return ReviewOutcome.exitCode(answer);
    }

    private String outcome(JsonNode answer) {
        String described = ReviewOutcome.describe(answer);
        // a server that does not say what happened
        return described != null
                ? described
                : verdict.wireName() + (verdict == ReviewVerdict.ROLLBACK ? " (the compensation runs now)" : "");
    }

    private JsonNode send(ObjectNode body) {
        try {
            // sent once: until the endpoint is known to honour an Idempotency-Key, a retry could roll back twice
            return action.post(body, "review");
        } catch (ApiException failure) {
            if (failure.noSuchEndpoint()) {
                throw failure.withHint("this server cannot take reviews yet: it is older than this CLI");
            }
            if (failure.status() == 404) {
                throw failure.withHint("check the ids with `countersign tasks show " + action.taskId() + "`");
            }
            throw failure;
        }
    }
}
