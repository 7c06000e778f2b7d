package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The gate API, for an agent that runs its tools itself: dave's agent asks before a refund, alice
 * decides in her inbox, the agent long-polls for the decision and reports what its own run returned.
 * The demo's refund tool never runs here: the ledger is the agent's business.
 */
class GateApiTest extends AcceptanceTest {

    @Test
    void aCallThePolicyAllowsMayRunAtOnceAndItsReportUsesItUp() {
        JsonNode gate = anonymous
                .as("dave")
                .post("/api/gates", refund(5, "a small goodwill refund"))
                .ok(201);

        assertThat(gate.path("verdict").asString()).isEqualTo("AUTO");
        assertThat(gate.path("status").asString()).isEqualTo("APPROVED");
        assertThat(gate.path("rule").asString()).isEqualTo("small-refunds");
        assertThat(gate.path("args").path("amount").asInt()).isEqualTo(5);
        assertThat(gate.path("argsDigest").asString()).isNotBlank();
        String id = gate.path("gateId").asString();

        JsonNode reported = anonymous
                .as("dave")
                .post("/api/gates/" + id + "/outcome", Map.of("success", true, "result", Map.of("refundId", "R-9")))
                .ok(200);
        assertThat(reported.path("status").asString()).isEqualTo("EXECUTED");
        assertThat(reported.path("result").path("refundId").asString()).isEqualTo("R-9");
        assertThat(desk.refunds(gate.path("taskId").asString())).isEmpty();

        anonymous
                .as("dave")
                .post("/api/gates/" + id + "/outcome", Map.of("success", true))
                .problem(409, "NotApplicable");
    }

    @Test
    void aCallThatNeedsApprovalWaitsAndTheLongPollAnswersOnceAliceApproves() throws Exception {
        JsonNode gate = anonymous
                .as("dave")
                .post("/api/gates", refund(250, "damaged on arrival"))
                .ok(201);
        assertThat(gate.path("verdict").asString()).isEqualTo("APPROVE");
        assertThat(gate.path("status").asString()).isEqualTo("PENDING");
        String id = gate.path("gateId").asString();
        assertThat(anonymous
                        .as("dave")
                        .get("/api/gates/" + id)
                        .ok(200)
                        .path("status")
                        .asString())
                .isEqualTo("PENDING");
        anonymous
                .as("dave")
                .post("/api/gates/" + id + "/outcome", Map.of("success", true))
                .problem(409, "NotApplicable");

        CompletableFuture<Reply> waiting =
                CompletableFuture.supplyAsync(() -> anonymous.as("dave").get("/api/gates/" + id + "?wait=PT30S"));
        assertThat(desk.inbox("alice")).contains(id);
        anonymous
                .as("alice")
                .post("/api/approvals/" + id + "/decision", Map.of("decision", "approve", "comment", "ok"))
                .ok(200);

        JsonNode approved = waiting.get(30, TimeUnit.SECONDS).ok(200);
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("decidedBy").asString()).isEqualTo("alice");
        assertThat(approved.path("args").path("amount").asInt()).isEqualTo(250);
        assertThat(approved.path("argsDigest").asString())
                .isEqualTo(gate.path("argsDigest").asString());

        anonymous
                .as("dave")
                .post(
                        "/api/gates/" + id + "/outcome",
                        Map.of("success", false, "error", "the payment service was down"))
                .ok(200);
        JsonNode task = anonymous
                .as("dave")
                .get("/api/tasks/" + gate.path("taskId").asString())
                .ok(200);
        JsonNode action = task.path("actions").get(0);
        assertThat(action.path("state").asString()).isEqualTo("FAILED");
        assertThat(action.path("error").asString()).isEqualTo("the payment service was down");
        assertThat(action.path("decisions").get(0).path("reviewer").asString()).isEqualTo("alice");
    }

    @Test
    void aRejectedCallAnswersWithTheReasonAndMayNotBeReported() {
        JsonNode gate = anonymous
                .as("dave")
                .post("/api/gates", refund(300, "customer asked twice"))
                .ok(201);
        String id = gate.path("gateId").asString();
        anonymous
                .as("alice")
                .post("/api/approvals/" + id + "/decision", Map.of("decision", "reject", "comment", "already refunded"))
                .ok(200);

        JsonNode rejected =
                anonymous.as("dave").get("/api/gates/" + id + "?wait=PT10S").ok(200);
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asString()).isEqualTo("already refunded");
        assertThat(rejected.path("decidedBy").asString()).isEqualTo("alice");
        anonymous
                .as("dave")
                .post("/api/gates/" + id + "/outcome", Map.of("success", true))
                .problem(409, "NotApplicable");
    }

    @Test
    void callsThePolicyRefusesAreDeniedWithTheReasonAndToolsCountersignDoesNotKnowAreJudgedByName() {
        JsonNode tooLarge = anonymous
                .as("dave")
                .post("/api/gates", refund(2_000_000, "big one"))
                .ok(201);
        assertThat(tooLarge.path("verdict").asString()).isEqualTo("DENY");
        assertThat(tooLarge.path("status").asString()).isEqualTo("DENIED");
        assertThat(tooLarge.path("reason").asString())
                .contains("invalid arguments")
                .contains("amount");

        JsonNode unknown = anonymous
                .as("dave")
                .post("/api/gates", Map.of("tool", "deploy_service", "args", Map.of("service", "billing")))
                .ok(201);
        assertThat(unknown.path("verdict").asString()).isEqualTo("DENY");
        assertThat(unknown.path("reason").asString()).doesNotContain("there is no tool named");
    }

    @Test
    void theSameIdempotencyKeyIsTheSameGate() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        JsonNode first = anonymous
                .as("dave")
                .post("/api/gates", refund(250, "once"), key)
                .ok(201);
        JsonNode again = anonymous
                .as("dave")
                .post("/api/gates", refund(250, "once"), key)
                .ok(201);

        assertThat(again.path("gateId").asString())
                .isEqualTo(first.path("gateId").asString());
        JsonNode task = anonymous
                .as("dave")
                .get("/api/tasks/" + first.path("taskId").asString())
                .ok(200);
        assertThat(task.path("actions")).hasSize(1);
    }

    @Test
    void aCallbackUrlIsRefusedNamingTheSettingWhileNoCallbackHostIsSet() {
        JsonNode problem = anonymous
                .as("dave")
                .post("/api/gates", Map.of("tool", "issue_refund", "callbackUrl", "https://agent.example/cb"))
                .problem(400, "InvalidRequest");

        assertThat(problem.path("detail").asString()).contains("countersign.notifications.callbacks.hosts");
    }

    @Test
    void aCallbackUrlThatIsNoAbsoluteHttpUrlIsRefused() {
        ApiClient dave = anonymous.as("dave");
        for (String bad : new String[] {"/relative/cb", "ftp://agent.example/cb", "https://user:pw@agent.example/cb"}) {
            JsonNode problem = dave.post("/api/gates", Map.of("tool", "issue_refund", "callbackUrl", bad))
                    .problem(400, "InvalidRequest");
            assertThat(problem.path("detail").asString()).contains("absolute http or https URL");
        }
    }

    @Test
    void badRequestsAreRefusedWithProblems() {
        ApiClient dave = anonymous.as("dave");
        dave.post("/api/gates", Map.of("args", Map.of())).problem(400, "InvalidRequest");
        dave.post("/api/gates", Map.of("tool", "issue_refund", "taskId", "not a task id!"))
                .problem(400, "InvalidRequest");
        dave.post("/api/gates", Map.of("tool", "issue_refund", "confidence", 1.5))
                .problem(400, "InvalidRequest");
        anonymous.as("alice").post("/api/gates", refund(5, "")).problem(403, "NotARequester");
        anonymous.post("/api/gates", refund(5, "")).problem(401, "Unauthenticated");

        String id = dave.post("/api/gates", refund(250, "for the failure paths"))
                .ok(201)
                .path("gateId")
                .asString();
        dave.get("/api/gates/" + id + "?wait=PT61S").problem(400, "InvalidRequest");
        dave.get("/api/gates/" + id + "?wait=soon").problem(400, "InvalidRequest");
        dave.get("/api/gates/no-such-gate").problem(404, "GateNotFound");
        dave.get("/api/gates/gate-nothing.a1").problem(404, "GateNotFound");
        anonymous.as("olga").get("/api/gates/" + id).problem(404, "GateNotFound");
        dave.post("/api/gates/" + id + "/outcome", Map.of("result", Map.of())).problem(400, "InvalidRequest");
    }

    private static Map<String, Object> refund(double amount, String why) {
        return Map.of(
                "tool",
                "issue_refund",
                "args",
                Map.of("orderId", "A-1", "amount", amount, "currency", "USD"),
                "rationale",
                why,
                "agent",
                "billing-bot",
                "confidence",
                0.9);
    }
}
