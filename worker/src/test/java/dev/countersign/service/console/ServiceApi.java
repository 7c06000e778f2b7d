package dev.countersign.service.console;

import dev.countersign.service.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running service's REST API, spoken as one user with HTTP Basic, for the browser tests' setup and checks. */
final class ServiceApi {

    static final String PASSWORD = "acceptance-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String authorization;

    ServiceApi(String base, String user) {
        this.base = base;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the demo agent's refund of {@code amount} USD for {@code orderId} and returns the task id. */
    String startRefund(String taskId, String orderId, String amount) {
        Map<String, Object> body = Map.of(
                "taskId",
                taskId,
                "agent",
                "support",
                "goal",
                "Refund $" + amount + " for order " + orderId,
                "input",
                Map.of(
                        "orderId", orderId,
                        "amount", new java.math.BigDecimal(amount),
                        "currency", "USD",
                        "customer", "ana.silva@example.com",
                        "reason", "charged twice"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "starting " + taskId + " answered " + response.statusCode() + ": " + response.body());
        }
        return taskId;
    }

    JsonNode task(String taskId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + taskId))
                .GET());
        return JSON.readTree(response.body());
    }

    /** Polls the task until it satisfies {@code condition}; fails after 30 seconds. */
    JsonNode awaitTask(String taskId, Predicate<JsonNode> condition) {
        return Eventually.until(
                "task " + taskId + " reaches the expected state",
                Duration.ofSeconds(30),
                Duration.ofMillis(100),
                () -> task(taskId),
                condition);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                    request.header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
