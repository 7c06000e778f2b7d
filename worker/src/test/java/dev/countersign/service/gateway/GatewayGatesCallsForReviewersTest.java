package dev.countersign.service.gateway;

import static dev.countersign.service.gateway.GatewayForwardsAutoCallsTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.service.testing.Eventually;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Calls the policy holds for reviewers, through the gateway in front of the reference filesystem
 * server: dave's MCP client calls files_write_file, alice (support lead) decides through the REST API,
 * and what the client gets and what lands on disk is what a user would check.
 */
class GatewayGatesCallsForReviewersTest extends GatewayTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<McpSyncClient> clients = new ArrayList<>();

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void closeClients() {
        clients.forEach(McpSyncClient::closeGracefully);
        callers.shutdownNow();
    }

    @Test
    void aCallApprovedInTimeRunsWithTheApprovedArgumentsAndAnswersWithItsResult() throws Exception {
        Path file = sandbox.resolve("approved.txt");
        CompletableFuture<McpSchema.CallToolResult> call = write(daveClient(), file, "approved content");

        JsonNode approval = pendingFor(file);
        assertThat(approval.path("requester").asString()).isEqualTo("dave");
        assertThat(approval.path("groups").toString()).contains("support-leads");
        decide(approval, "{\"decision\":\"approve\",\"comment\":\"fine\"}");

        McpSchema.CallToolResult result = call.get(30, TimeUnit.SECONDS);
        assertThat(result.isError()).as(text(result)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("approved content");
    }

    @Test
    void aRejectedCallAnswersWithTheReviewersReasonAndWritesNothing() throws Exception {
        Path file = sandbox.resolve("rejected.txt");
        CompletableFuture<McpSchema.CallToolResult> call = write(daveClient(), file, "never");

        decide(pendingFor(file), "{\"decision\":\"reject\",\"comment\":\"not in this folder\"}");

        McpSchema.CallToolResult result = call.get(30, TimeUnit.SECONDS);
        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("alice rejected: not in this folder").contains("Nothing was sent");
        assertThat(file).doesNotExist();
    }

    @Test
    void anEditedCallRunsWithTheEditedArgumentsAndTheResultSaysSo() throws Exception {
        Path file = sandbox.resolve("edited.txt");
        CompletableFuture<McpSchema.CallToolResult> call = write(daveClient(), file, "first draft");

        decide(
                pendingFor(file),
                "{\"decision\":\"edit\",\"comment\":\"friendlier\",\"args\":{\"path\":\"" + file
                        + "\",\"content\":\"second draft\"}}");

        McpSchema.CallToolResult result = call.get(30, TimeUnit.SECONDS);
        assertThat(result.isError()).as(text(result)).isFalse();
        assertThat(text(result))
                .contains("alice edited the arguments before approving")
                .contains("second draft");
        assertThat(Files.readString(file)).isEqualTo("second draft");
    }

    @Test
    void aCallNobodyDecidesInTimeIsPendingAndCallingAgainCollectsTheOutcomeWithoutRunningTwice() throws Exception {
        Path file = sandbox.resolve("later.txt");
        McpSyncClient client = daveClient();

        McpSchema.CallToolResult pending = write(client, file, "later content").get(30, TimeUnit.SECONDS);
        assertThat(pending.isError()).isTrue();
        JsonNode approval = pendingFor(file);
        assertThat(text(pending))
                .startsWith("PENDING")
                .contains(approval.path("approvalId").asString())
                .contains("/approvals/" + approval.path("approvalId").asString())
                .contains("Call this tool again with exactly the same arguments");
        assertThat(file).doesNotExist();

        decide(approval, "{\"decision\":\"approve\"}");
        McpSchema.CallToolResult collected =
                write(client, file, "later content").get(30, TimeUnit.SECONDS);
        assertThat(collected.isError()).as(text(collected)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("later content");

        // A second upstream write would put the content back; the recorded result comes back instead.
        Files.writeString(file, "changed by hand");
        McpSchema.CallToolResult replayed =
                write(daveClient(), file, "later content").get(30, TimeUnit.SECONDS);
        assertThat(text(replayed)).isEqualTo(text(collected));
        assertThat(Files.readString(file)).isEqualTo("changed by hand");
        assertThat(executedActionsFor(file)).isEqualTo(1);
    }

    @Test
    void twoIdenticalCallsAtOnceShareOneApprovalAndOneExecution() throws Exception {
        Path file = sandbox.resolve("twice.txt");
        CompletableFuture<McpSchema.CallToolResult> first = write(daveClient(), file, "once");
        CompletableFuture<McpSchema.CallToolResult> second = write(daveClient(), file, "once");

        JsonNode approval = pendingFor(file);
        decide(approval, "{\"decision\":\"approve\"}");

        assertThat(text(first.get(30, TimeUnit.SECONDS))).isEqualTo(text(second.get(30, TimeUnit.SECONDS)));
        assertThat(first.get().isError()).as(text(first.get())).isFalse();
        assertThat(executedActionsFor(file)).isEqualTo(1);
        assertThat(actionsFor(file)).as("one approval, none left in the inbox").isEqualTo(1);
    }

    @Test
    void twoDifferentCallsOfOneSessionWaitSideBySideAsTwoApprovalsOfOneTask() throws Exception {
        Path left = sandbox.resolve("left.txt");
        Path right = sandbox.resolve("right.txt");
        McpSyncClient client = daveClient();
        CompletableFuture<McpSchema.CallToolResult> leftCall = write(client, left, "L");
        CompletableFuture<McpSchema.CallToolResult> rightCall = write(client, right, "R");

        JsonNode leftApproval = pendingFor(left);
        JsonNode rightApproval = pendingFor(right);
        assertThat(leftApproval.path("taskId").asString())
                .isEqualTo(rightApproval.path("taskId").asString());
        assertThat(leftApproval.path("approvalId").asString())
                .isNotEqualTo(rightApproval.path("approvalId").asString());

        decide(rightApproval, "{\"decision\":\"approve\"}");
        assertThat(rightCall.get(30, TimeUnit.SECONDS).isError()).isFalse();
        assertThat(leftCall).isNotDone();
        decide(leftApproval, "{\"decision\":\"reject\",\"comment\":\"left stays empty\"}");

        assertThat(text(leftCall.get(30, TimeUnit.SECONDS))).contains("left stays empty");
        assertThat(Files.readString(right)).isEqualTo("R");
        assertThat(left).doesNotExist();
    }

    @Test
    void aClientThatGivesUpLeavesTheApprovalPendingAndAnApprovalNobodyCollectsExpires() throws Exception {
        Path file = sandbox.resolve("abandoned.txt");
        McpSyncClient impatient = client(token("dave"), Duration.ofSeconds(1));
        clients.add(impatient);
        assertThatThrownBy(() -> impatient.callTool(request(file, "abandoned"))).isInstanceOf(RuntimeException.class);
        double pendingBefore = answered("pending");

        JsonNode approval = pendingFor(file);
        // The gateway's own wait ends with nobody to answer; the approval stays in the inbox.
        Eventually.until(
                "the abandoned call's wait ended",
                WAIT.multipliedBy(3),
                Duration.ofMillis(200),
                () -> answered("pending"),
                count -> count > pendingBefore);
        assertThat(pendingFor(file).path("approvalId").asString())
                .isEqualTo(approval.path("approvalId").asString());

        decide(approval, "{\"decision\":\"approve\"}");
        JsonNode expired = Eventually.until(
                "the uncollected approval expired",
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                () -> action(approval),
                action -> action.path("state").asString().equals("EXPIRED"));
        assertThat(expired.path("decisions").toString()).contains("\"expire\"");
        assertThat(file).doesNotExist();

        CompletableFuture<McpSchema.CallToolResult> again = write(daveClient(), file, "abandoned");
        JsonNode asked = Eventually.until(
                "the same call is asked anew",
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                () -> pendingFor(file),
                pending -> !pending.path("approvalId")
                        .asString()
                        .equals(approval.path("approvalId").asString()));
        decide(asked, "{\"decision\":\"approve\"}");
        assertThat(again.get(30, TimeUnit.SECONDS).isError()).isFalse();
        assertThat(Files.readString(file)).isEqualTo("abandoned");
    }

    @Test
    void aCallerThatAsksForProgressHearsThatItsCallWaitsForAReviewer() throws Exception {
        Path file = sandbox.resolve("progress.txt");
        List<McpSchema.ProgressNotification> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        McpSyncClient client = client(token("dave"), Duration.ofSeconds(30), heard::add);
        clients.add(client);
        McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder()
                .name("files_write_file")
                .arguments(Map.of("path", file.toString(), "content", "progress"))
                .progressToken("write-progress")
                .build();
        CompletableFuture<McpSchema.CallToolResult> call =
                CompletableFuture.supplyAsync(() -> client.callTool(request), callers);

        JsonNode approval = pendingFor(file);
        Eventually.until(
                "a progress notification of the waiting call",
                WAIT,
                Duration.ofMillis(100),
                () -> List.copyOf(heard),
                notifications -> !notifications.isEmpty());
        decide(approval, "{\"decision\":\"approve\"}");

        assertThat(call.get(30, TimeUnit.SECONDS).isError()).isFalse();
        assertThat(heard).allSatisfy(notification -> {
            assertThat(notification.progressToken()).isEqualTo("write-progress");
            assertThat(notification.message()).contains("waiting for a reviewer: files_write_file");
        });
    }

    @Test
    void callsNamingATaskGoToThatTask() throws Exception {
        Path file = sandbox.resolve("named.txt");
        McpSyncClient client = client(token("dave"), Duration.ofSeconds(20), "Countersign-Task", "dave-notes-1");
        clients.add(client);
        CompletableFuture<McpSchema.CallToolResult> call =
                CompletableFuture.supplyAsync(() -> client.callTool(request(file, "named")), callers);

        JsonNode approval = pendingFor(file);
        assertThat(approval.path("taskId").asString()).isEqualTo("dave-notes-1");
        decide(approval, "{\"decision\":\"approve\"}");
        assertThat(call.get(30, TimeUnit.SECONDS).isError()).isFalse();

        JsonNode task = rest("dave", "GET", "/api/tasks/dave-notes-1", null);
        assertThat(task.path("agent").asString()).isEqualTo(GatewayCalls.AGENT);
        assertThat(task.path("requester").asString()).isEqualTo("dave");
        assertThat(rest("dave", "GET", "/api/tasks/dave-notes-1/history", null).toString())
                .contains("alice")
                .contains("files_write_file");
    }

    // --- helpers

    private McpSyncClient daveClient() {
        McpSyncClient client = client(token("dave"), Duration.ofSeconds(30));
        clients.add(client);
        return client;
    }

    private CompletableFuture<McpSchema.CallToolResult> write(McpSyncClient client, Path file, String content) {
        return CompletableFuture.supplyAsync(() -> client.callTool(request(file, content)), callers);
    }

    private static McpSchema.CallToolRequest request(Path file, String content) {
        return new McpSchema.CallToolRequest("files_write_file", Map.of("path", file.toString(), "content", content));
    }

    /** The pending approval of a write of {@code file} in alice's inbox, once it is there. */
    private JsonNode pendingFor(Path file) {
        return Eventually.until(
                "an approval of the write of " + file.getFileName() + " in alice's inbox",
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                () -> {
                    for (JsonNode entry : rest("alice", "GET", "/api/approvals", null)) {
                        if (file.toString()
                                .equals(entry.path("args").path("path").asString())) {
                            return entry;
                        }
                    }
                    return null;
                },
                entry -> entry != null);
    }

    private void decide(JsonNode approval, String body) {
        rest("alice", "POST", "/api/approvals/" + approval.path("approvalId").asString() + "/decision", body);
    }

    private JsonNode action(JsonNode approval) {
        JsonNode task =
                rest("dave", "GET", "/api/tasks/" + approval.path("taskId").asString(), null);
        for (JsonNode action : task.path("actions")) {
            if (action.path("actionId")
                    .asString()
                    .equals(approval.path("actionId").asString())) {
                return action;
            }
        }
        throw new AssertionError("task " + approval.path("taskId") + " holds no " + approval.path("actionId"));
    }

    /** How many actions of every task dave can read wrote {@code file} and ran. */
    private long executedActionsFor(Path file) {
        return actionStatesFor(file).stream().filter("EXECUTED"::equals).count();
    }

    /** How many actions of every task dave can read write {@code file}, whatever their state. */
    private long actionsFor(Path file) {
        return actionStatesFor(file).size();
    }

    private List<String> actionStatesFor(Path file) {
        List<String> states = new ArrayList<>();
        for (JsonNode task : rest("dave", "GET", "/api/tasks", null)) {
            JsonNode read =
                    rest("dave", "GET", "/api/tasks/" + task.path("taskId").asString(), null);
            for (JsonNode action : read.path("actions")) {
                if (file.toString().equals(action.path("args").path("path").asString())) {
                    states.add(action.path("state").asString());
                }
            }
        }
        return states;
    }

    private double answered(String outcome) {
        var counter = meters.find(GatewayCalls.METER).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode rest(String user, String method, String path, String body) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isLessThan(300);
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException unreadable) {
            throw new UncheckedIOException(new IOException("not JSON: " + response.body(), unreadable));
        }
    }
}
