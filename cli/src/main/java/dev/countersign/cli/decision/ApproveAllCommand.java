package dev.countersign.cli.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.api.ApiClient;
import dev.countersign.cli.api.ApiOptions;
import dev.countersign.cli.inbox.InboxPages;
import dev.countersign.cli.output.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Approves every pending approval of one policy rule that waits for the caller, in bulk requests. */
@Command(
        name = "approve-all",
        mixinStandardHelpOptions = true,
        description = {
            "Approve every pending approval of one policy rule that waits for you.",
            "Reads your whole inbox, then sends bulk decisions of up to " + InboxPages.MAX_LIMIT
                    + " approvals, each bound to the argsDigest read and each with its own Idempotency-Key."
                    + " Without --yes it only says how many it would approve. The exit code is that of the"
                    + " most serious refusal."
        })
public final class ApproveAllCommand implements Callable<Integer> {

    @Mixin
    private ApiOptions api;

    @Option(
            names = "--rule",
            required = true,
            paramLabel = "RULE",
            description = "the policy rule, as the inbox lists it")
    private String rule;

    @Option(
            names = {"-c", "--comment"},
            paramLabel = "TEXT",
            description = "why you approve (kept with each decision)")
    private String comment;

    @Option(names = "--yes", description = "approve them; without it, only count them")
    private boolean yes;

    @Override
    public Integer call() {
        ApiClient client = api.connect();
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode row : InboxPages.all(client)) {
            if (rule.equals(Json.text(row, "rule")) && row.hasNonNull("argsDigest")) {
                matching.add(row);
            }
        }
        PrintWriter out = api.out();
        if (matching.isEmpty() || !yes) {
            String line = matching.isEmpty()
                    ? "nothing to approve: no pending approval of rule " + rule + " waits for you"
                    : matching.size() + " approvals of rule " + rule + " wait for you; run again with --yes to"
                            + " approve them all";
            ObjectNode answer = Json.MAPPER.createObjectNode().put("rule", rule).put("pending", matching.size());
            api.printOutcome(answer, line);
            return ExitCode.OK;
        }
        return approve(client, matching, out);
    }

    private int approve(ApiClient client, List<JsonNode> matching, PrintWriter out) {
        int exitCode = ExitCode.OK;
        int recorded = 0;
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (int from = 0; from < matching.size(); from += InboxPages.MAX_LIMIT) {
            List<JsonNode> batch = matching.subList(from, Math.min(matching.size(), from + InboxPages.MAX_LIMIT));
            JsonNode answer = client.postIdempotent(
                            "/api/approvals/decisions",
                            body(batch),
                            Map.of(
                                    DecisionSender.IDEMPOTENCY_KEY,
                                    UUID.randomUUID().toString()))
                    .body();
            recorded += answer.path("recorded").asInt();
            for (JsonNode result : answer.path("results")) {
                results.add(result);
                JsonNode problem = result.path("problem");
                if (!result.path("recorded").asBoolean()) {
                    exitCode = ExitCode.worst(
                            exitCode, ExitCode.forStatus(problem.path("status").asInt()));
                    if (!api.json()) {
                        api.err()
                                .println("refused " + Json.text(result, "approvalId") + ": "
                                        + Json.text(problem, "code") + ": " + Json.text(problem, "detail"));
                    }
                }
            }
        }
        api.err().flush();
        ObjectNode summary = Json.MAPPER
                .createObjectNode()
                .put("rule", rule)
                .put("recorded", recorded)
                .put("refused", matching.size() - recorded);
        summary.set("results", results);
        api.printOutcome(
                summary,
                "approved rule " + rule + ": " + recorded + " of " + matching.size() + " recorded, "
                        + (matching.size() - recorded) + " refused");
        return exitCode;
    }

    private ObjectNode body(List<JsonNode> batch) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("decision", "approve");
        Json.putIfGiven(body, "comment", comment);
        ArrayNode approvals = body.putArray("approvals");
        batch.forEach(row -> approvals
                .addObject()
                .put("approvalId", Json.text(row, "approvalId"))
                .put("argsDigest", Json.text(row, "argsDigest")));
        return body;
    }
}
