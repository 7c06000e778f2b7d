package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.countersign.activities.notify.HmacSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's callback end to end: dave's agent gives a callback URL with its gate, runs the approved
 * refund itself and reports it; alice rolls it back in post-action review; the agent's receiver gets
 * one signed {@code rollback-requested} POST, and the task records it on the action.
 */
class GateCallbackTest extends ReviewedRefundsAcceptanceTest {

    /** What the agent's receiver got: the headers that matter and the raw body. */
    private record Received(String path, String signature, String delivery, byte[] body) {}

    private final CompletableFuture<Received> received = new CompletableFuture<>();
    private final HttpServer agent = receiver();

    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    received.complete(new Received(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst(HmacSignature.HEADER),
                            exchange.getRequestHeaders().getFirst("X-Countersign-Delivery"),
                            exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the agent's receiver", e);
        }
    }

    @AfterEach
    void stopReceiver() {
        agent.stop(0);
    }

    @Test
    void aRollbackVerdictOnTheAgentsRunReachesItsCallbackSignedAndIsRecorded() throws Exception {
        String callback = "http://127.0.0.1:" + agent.getAddress().getPort() + "/countersign/callback";
        ApiClient dave = anonymous.as("dave");
        JsonNode gate = dave.post(
                        "/api/gates",
                        Map.of(
                                "tool",
                                "issue_refund",
                                "args",
                                Map.of("orderId", "A-1", "amount", 250, "currency", "USD"),
                                "rationale",
                                "damaged on arrival",
                                "callbackUrl",
                                callback + "?token=t0k3n"))
                .ok(201);
        String gateId = gate.path("gateId").asString();
        String taskId = gate.path("taskId").asString();
        String actionId = gate.path("actionId").asString();
        desk.decide(
                        "alice",
                        gateId,
                        SupportDesk.decision("approve", gate.path("argsDigest").asString()))
                .ok(200);
        dave.post("/api/gates/" + gateId + "/outcome", Map.of("success", true, "result", Map.of("refundId", "R-9")))
                .ok(200);

        JsonNode verdict = desk.as("alice")
                .post(
                        "/api/tasks/" + taskId + "/actions/" + actionId + "/review",
                        Map.of("verdict", "rollback", "comment", "wrong customer"))
                .ok(200);

        assertThat(verdict.path("review").path("state").asString()).isEqualTo("ROLLBACK_FAILED");
        Received request = received.get(20, TimeUnit.SECONDS);
        assertThat(request.path()).isEqualTo("/countersign/callback");
        assertThat(HmacSignature.verify(request.body(), CALLBACK_SECRET, request.signature()))
                .isTrue();
        assertThat(request.delivery()).isEqualTo(gateId + "/rollback-requested");
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.path("event").asString()).isEqualTo("rollback-requested");
        assertThat(body.path("gateId").asString()).isEqualTo(gateId);
        assertThat(body.path("tool").asString()).isEqualTo("issue_refund");
        assertThat(body.path("reviewer").asString()).isEqualTo("alice");
        assertThat(body.path("comment").asString()).isEqualTo("wrong customer");
        JsonNode task = desk.awaitTask(taskId, "a recorded callback", t -> callbackOf(t, actionId) != null);
        JsonNode recorded = callbackOf(task, actionId);
        assertThat(recorded.path("tier").asString()).isEqualTo("agent");
        assertThat(recorded.path("delivered").get(0).asString()).isEqualTo("agent " + callback);
        assertThat(recorded.path("failed")).isEmpty();
        assertThat(desk.refunds(taskId)).isEmpty();
    }

    private static JsonNode callbackOf(JsonNode task, String actionId) {
        for (JsonNode notification : SupportDesk.action(task, actionId).path("notifications")) {
            if (notification.path("kind").asString().equals("ROLLBACK_REQUESTED")) {
                return notification;
            }
        }
        return null;
    }
}
