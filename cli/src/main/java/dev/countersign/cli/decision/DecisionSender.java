package dev.countersign.cli.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ErrorReporter;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ApiException;
import dev.countersign.cli.api.PathSegments;
import dev.countersign.cli.output.Json;
import java.util.Map;
import java.util.UUID;

/**
 * Sends one decision the safe way: it reads the pending approval first, sends back the
 * {@code argsDigest} it read (or the one the reviewer pinned), so the decision never applies to
 * arguments that changed meanwhile, and sends a fresh {@code Idempotency-Key}, so a request that is
 * retried after a lost answer is not counted twice.
 */
final class DecisionSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ApiClient api;
    private final DecisionPrinter printer;
    private final ErrorReporter errors;

    DecisionSender(ApiClient api, DecisionPrinter printer, ErrorReporter errors) {
        this.api = api;
        this.printer = printer;
        this.errors = errors;
    }

    /** Decides one approval and prints the outcome; a failure is thrown. */
    int decide(String approvalId, DecisionIntent intent) {
        JsonNode pending = pending(approvalId);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("decision", intent.decision().wireName());
        body.put(
                "argsDigest", intent.pinnedDigest() != null ? intent.pinnedDigest() : Json.text(pending, "argsDigest"));
        Json.putIfGiven(body, "comment", intent.comment());
        ObjectNode args = null;
        if (intent.newArgs() != null) {
            args = intent.newArgs().apply(pendingArgs(pending));
            body.set("args", args);
        }
        String path = PathSegments.path("api", "approvals", approvalId, "decision");
        JsonNode outcome = api.postIdempotent(
                        path, body, Map.of(IDEMPOTENCY_KEY, UUID.randomUUID().toString()))
                .body();
        printer.decided(approvalId, intent.decision(), pending, args, outcome);
        return ExitCode.OK;
    }

    /** Decides one of several approvals: a failure is reported with the id, and its exit code returned. */
    int decideOneOfSeveral(String approvalId, DecisionIntent intent) {
        try {
            return decide(approvalId, intent);
        } catch (CliException failure) {
            errors.report(approvalId, failure);
            return failure.exitCode();
        }
    }

    private JsonNode pending(String approvalId) {
        try {
            return api.get(PathSegments.path("api", "approvals", approvalId)).body();
        } catch (ApiException failure) {
            if (failure.status() == 404) {
                decidedAlready(approvalId);
                throw failure.withHint("it may have been decided already, or the id is mistyped;"
                        + " run `countersign inbox` to see what you may decide");
            }
            throw failure;
        }
    }

    /**
     * An approval that is no longer pending but whose task still has its action was decided (or
     * ended) already: a conflict, said with what became of it, rather than "not found".
     */
    private void decidedAlready(String approvalId) {
        int dot = approvalId.lastIndexOf('.');
        if (dot <= 0 || dot == approvalId.length() - 1) {
            return;
        }
        String taskId = approvalId.substring(0, dot);
        String actionId = approvalId.substring(dot + 1);
        JsonNode task;
        try {
            task = api.get(PathSegments.path("api", "tasks", taskId)).body();
        } catch (ApiException unknownTask) {
            return;
        }
        for (JsonNode action : task.path("actions")) {
            if (actionId.equals(action.path("actionId").asText())) {
                throw new CliException(
                        ExitCode.CONFLICT,
                        "approval " + approvalId + " is no longer pending: the call is "
                                + action.path("state").asText(),
                        "run `countersign tasks show " + taskId + "` to see who decided what");
            }
        }
    }

    private static ObjectNode pendingArgs(JsonNode pending) {
        JsonNode args = pending.get("args");
        return args != null && args.isObject() ? (ObjectNode) args : Json.MAPPER.createObjectNode();
    }
}
