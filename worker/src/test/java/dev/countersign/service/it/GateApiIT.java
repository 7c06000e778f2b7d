package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The gate API on the dev server, in the shipped worker jar: how soon a waiting {@code GET
 * /api/gates/{id}?wait=PT30S} answers once a reviewer decided (the long-poll's wake-up, on a real
 * server's history long-poll), and the Python example of docs/gateway.md run as a user would run it.
 */
class GateApiIT {

    private static final int GATES = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Cluster cluster;
    private static WorkerProcess worker;
    private static Api api;

    @BeforeAll
    static void startService() {
        cluster = Cluster.start(GateApiIT.class);
        worker = cluster.launchWorker("gates", FreePorts.next(), Map.of()).awaitReady();
        api = new Api(worker.port());
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aWaitingGetAnswersSoonAfterTheDecision() throws Exception {
        long[] wakeUps = new long[GATES];
        for (int i = 0; i < GATES; i++) {
            JsonNode gate =
                    api.post("dave", "/api/gates", refund(250 + i), Map.of()).expect(201);
            String id = gate.path("gateId").asString();
            assertThat(gate.path("status").asString()).isEqualTo("PENDING");
            CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(
                    basic("dave", "/api/gates/" + id + "?wait=PT30S"), HttpResponse.BodyHandlers.ofString());
            api.post("alice", "/api/approvals/" + id + "/decision", Map.of("decision", "approve"), Map.of())
                    .expect(200);
            long decided = System.nanoTime();
            HttpResponse<String> answered = waiting.get(30, TimeUnit.SECONDS);
            wakeUps[i] = System.nanoTime() - decided;
            assertThat(answered.body()).contains("\"status\":\"APPROVED\"");
        }
        Arrays.sort(wakeUps);
        String table = "| " + GATES + " gates, decision answered to waiting GET answered | p50 | p90 | p99 | max |\n"
                + "| --- | --- | --- | --- | --- |\n"
                + "| dev server, shipped jar | " + ms(wakeUps, 0.50) + " | " + ms(wakeUps, 0.90) + " | "
                + ms(wakeUps, 0.99) + " | " + ms(wakeUps, 1.0) + " |\n";
        Files.writeString(Path.of("target/gate-wake-up.md"), table);
        System.out.println("GateApiIT wake-up latency:\n" + table);
    }

    @Test
    void thePythonExampleOfTheDocsRunsAGateToItsReport() throws Exception {
        Path python = Path.of(System.getProperty(
                "countersign.python",
                Path.of("target/python-venv/bin/python").toAbsolutePath().toString()));
        Assumptions.assumeTrue(
                Files.isExecutable(python),
                "no Python with requests at " + python
                        + ": .ci/run makes it (python3 -m venv worker/target/python-venv;"
                        + " pip install -r worker/src/test/python/requirements.txt)");
        Path script = Files.createTempFile("gate-example", ".py");
        Files.writeString(script, example());
        String token = api.post("dave", "/api/tokens", Map.of("name", "gate-example"), Map.of())
                .expect(201)
                .path("secret")
                .asString();
        ProcessBuilder run = new ProcessBuilder(python.toString(), script.toString()).redirectErrorStream(true);
        run.environment().put("COUNTERSIGN_URL", "http://127.0.0.1:" + worker.port());
        run.environment().put("COUNTERSIGN_TOKEN", token);
        Process example = run.start();
        ManagedProcesses.track(example.toHandle());

        String approvalId = awaitGateOfExample();
        api.post("alice", "/api/approvals/" + approvalId + "/decision", Map.of("decision", "approve"), Map.of())
                .expect(200);

        assertThat(example.waitFor(60, TimeUnit.SECONDS)).as("the example ends").isTrue();
        String output = new String(example.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(example.exitValue()).as(output).isZero();
        assertThat(output.strip()).isEqualTo("EXECUTED");
        String taskId = approvalId.substring(0, approvalId.lastIndexOf('.'));
        JsonNode action = api.get("dave", "/api/tasks/" + taskId)
                .expect(200)
                .path("actions")
                .get(0);
        assertThat(action.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(action.path("result").path("refundId").asString()).isEqualTo("R-9");
    }

    /** The example's gate in alice's inbox: the refund of 250 a gate task asks for. */
    private static String awaitGateOfExample() {
        return dev.countersign.service.testing.Eventually.until(
                "the example's gate in alice's inbox",
                Duration.ofSeconds(60),
                Duration.ofMillis(200),
                () -> {
                    for (JsonNode approval : api.get("alice", "/api/approvals").expect(200)) {
                        if (approval.path("taskId").asString().startsWith("gate-")
                                && "damaged on arrival"
                                        .equals(approval.path("rationale").asString())) {
                            return approval.path("approvalId").asString();
                        }
                    }
                    return null;
                },
                id -> id != null);
    }

    /** The Python block of docs/gateway.md's gate API section, as a reader would copy it. */
    static String example() throws IOException {
        String docs = Files.readString(Path.of("../docs/gateway.md"));
        int section = docs.indexOf("A gate in 20 lines of Python");
        int start = docs.indexOf("```python\n", section) + "```python\n".length();
        int end = docs.indexOf("```", start);
        assertThat(section).as("docs/gateway.md has the example").isPositive();
        String code = docs.substring(start, end);
        assertThat(code.lines().count()).as("the example is about 20 lines").isLessThanOrEqualTo(22);
        return code;
    }

    private static Map<String, Object> refund(double amount) {
        return Map.of(
                "tool",
                "issue_refund",
                "args",
                Map.of("orderId", "A-1", "amount", amount, "currency", "USD"),
                "rationale",
                "measured",
                "confidence",
                0.9);
    }

    private static HttpRequest basic(String user, String path) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.port() + path))
                .header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    private static String ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format(java.util.Locale.ROOT, "%.1f ms", sorted[Math.max(0, index)] / 1e6);
    }
}
