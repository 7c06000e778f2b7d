package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.mcp.ReferenceServers;
import dev.countersign.service.testing.Eventually;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MCP gateway of the shipped worker jar on the dev server, in front of the reference filesystem
 * server, with writes held for a support lead: the upstream write of every approved call is made exactly
 * once through identical calls at once and retries, a worker killed with SIGKILL while the call waits for
 * its reviewer, and a service restart between the approval and the retry. Each write is counted by its
 * task's EXECUTED actions and seen on disk: once written, the file is changed by hand, so a second
 * upstream write would put the content back.
 */
class GatewayDurabilityIT {

    /** Short, so a call nobody decided at once answers PENDING and the caller calls again. */
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final String CHANGED = "changed by hand";
    private static Cluster cluster;
    private static Path sandbox;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final int port = FreePorts.next();
    private final Api api = new Api(port);
    private String token;

    @BeforeAll
    static void startTemporal() throws IOException {
        ReferenceServers.entryPoint("server-filesystem"); // skips, saying why, where npm could not install it
        cluster = Cluster.start(GatewayDurabilityIT.class);
        // Not under the cluster's folder: ItSettings.freshWorkDir would wipe it, dev server pid file and all.
        sandbox = Files.createTempDirectory("countersign-gateway-it").toRealPath();
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void theUpstreamWriteOfEveryApprovedCallIsMadeExactlyOnce() throws Exception {
        Phases phases = new Phases("gateway");
        WorkerProcess first = startWorker("first");
        phases.done("first worker ready");

        identicalCallsAtOnceAndRetriesShareOneApprovalAndOneWrite();
        phases.done("duplicates and retries");

        WorkerProcess second = aWorkerKilledWhileTheCallWaitsLeavesItToTheNext(first);
        phases.done("worker killed while a call waits");

        aRestartBetweenApprovalAndRetryLosesNothing(second);
        phases.done("service restarted");

        List<String> tasks = gatewayTasks();
        Histories.assertReplay("gateway", cluster.probe().histories(tasks));
    }

    /** Four sessions make the same call at once; alice approves once; each caller, and later retries, get one result. */
    private void identicalCallsAtOnceAndRetriesShareOneApprovalAndOneWrite() throws Exception {
        Scenario scenario = new Scenario("gateway-duplicates");
        Path file = sandbox.resolve("duplicates.txt");
        List<CompletableFuture<Optional<McpSchema.CallToolResult>>> atOnce = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            atOnce.add(CompletableFuture.supplyAsync(() -> scenario.call(file, "once"), callers));
        }
        approve(awaitApproval(file));

        List<String> answers = new ArrayList<>();
        for (CompletableFuture<Optional<McpSchema.CallToolResult>> call : atOnce) {
            Optional<McpSchema.CallToolResult> result = call.get(Deadlines.STEP.toSeconds(), TimeUnit.SECONDS);
            answers.add(
                    result.isPresent() && !pending(result.get()) ? text(result.get()) : scenario.collect(file, "once"));
        }
        assertThat(Files.readString(file)).isEqualTo("once");
        answers.addAll(scenario.replays(file, "once", 2));

        assertThat(answers).as("every caller got the one result").containsOnly(answers.get(0));
        assertThat(answers.get(0)).contains("Successfully wrote");
        assertThat(actionsFor(file)).as("one approval for all of them").hasSize(1);
        scenario.tally(file).print().assertNothingLostOrDoubled();
    }

    /**
     * A call waits for alice when its worker is killed; a second worker takes over, alice approves on it,
     * and the caller's retry (a new session on the new worker) collects the one write.
     */
    private WorkerProcess aWorkerKilledWhileTheCallWaitsLeavesItToTheNext(WorkerProcess doomed) throws Exception {
        Scenario scenario = new Scenario("gateway-worker-killed");
        Path file = sandbox.resolve("killed.txt");
        CompletableFuture<Optional<McpSchema.CallToolResult>> waiting =
                CompletableFuture.supplyAsync(() -> scenario.call(file, "survives the kill"), callers);
        String approvalId = awaitApproval(file).path("approvalId").asString();

        doomed.kill();
        Optional<McpSchema.CallToolResult> cut = waiting.get(Deadlines.STEP.toSeconds(), TimeUnit.SECONDS);
        assertThat(cut.filter(result -> !pending(result)))
                .as("the call that waited got no result")
                .isEmpty();
        assertThat(file).as("nothing is written before approval").doesNotExist();

        WorkerProcess next = startWorker("after-kill");
        JsonNode approval = awaitApproval(file);
        assertThat(approval.path("approvalId").asString())
                .as("the same approval waits on")
                .isEqualTo(approvalId);
        approve(approval);

        String collected = scenario.collect(file, "survives the kill");
        assertThat(collected).contains("Successfully wrote");
        assertThat(Files.readString(file)).isEqualTo("survives the kill");
        assertThat(scenario.replays(file, "survives the kill", 1)).containsOnly(collected);
        scenario.tally(file).print().assertNothingLostOrDoubled();
        return next;
    }

    /**
     * One call is approved and the service stops before its caller is back; another waits for alice as
     * the service stops. After the restart (same dev server, same database) the first is collected and
     * the second is still pending, then approved and collected: one write each.
     */
    private void aRestartBetweenApprovalAndRetryLosesNothing(WorkerProcess stopping) throws Exception {
        Scenario scenario = new Scenario("gateway-service-restart");
        Path approvedFile = sandbox.resolve("approved-before-restart.txt");
        Path pendingFile = sandbox.resolve("pending-across-restart.txt");

        Optional<McpSchema.CallToolResult> early = scenario.call(approvedFile, "approved before");
        assertThat(early)
                .hasValueSatisfying(
                        result -> assertThat(pending(result)).as(text(result)).isTrue());
        approve(awaitApproval(approvedFile));
        CompletableFuture<Optional<McpSchema.CallToolResult>> waiting =
                CompletableFuture.supplyAsync(() -> scenario.call(pendingFile, "pending across"), callers);
        String pendingApproval = awaitApproval(pendingFile).path("approvalId").asString();

        Optional<Duration> stopped = stopping.terminate(Duration.ofSeconds(60));
        assertThat(stopped)
                .as("the service stopped gracefully:\n" + stopping.logTail())
                .isPresent();
        System.out.println("gateway: the service stopped in " + stopped.get().toMillis() + " ms with a call waiting");
        Optional<McpSchema.CallToolResult> cut = waiting.get(Deadlines.STEP.toSeconds(), TimeUnit.SECONDS);
        assertThat(cut.filter(result -> !pending(result)))
                .as("the call that waited got no result")
                .isEmpty();
        assertThat(approvedFile).as("an approved call runs only when collected").doesNotExist();
        assertThat(pendingFile).doesNotExist();

        startWorker("restarted");
        String collected = scenario.collect(approvedFile, "approved before");
        assertThat(collected).contains("Successfully wrote");
        assertThat(Files.readString(approvedFile)).isEqualTo("approved before");
        assertThat(scenario.replays(approvedFile, "approved before", 1)).containsOnly(collected);

        Optional<McpSchema.CallToolResult> stillPending = scenario.call(pendingFile, "pending across");
        assertThat(stillPending)
                .hasValueSatisfying(
                        result -> assertThat(text(result)).startsWith("PENDING").contains(pendingApproval));
        approve(awaitApproval(pendingFile));
        String late = scenario.collect(pendingFile, "pending across");
        assertThat(late).contains("Successfully wrote");
        assertThat(Files.readString(pendingFile)).isEqualTo("pending across");
        assertThat(scenario.replays(pendingFile, "pending across", 1)).containsOnly(late);

        scenario.tally(approvedFile, pendingFile).print().assertNothingLostOrDoubled();
    }

    // --- the service

    private WorkerProcess startWorker(String name) throws IOException {
        Map<String, String> gateway = Map.of(
                "COUNTERSIGN_POLICY",
                "file:" + Path.of("src/test/resources/it/gateway-policy.yaml").toRealPath(),
                "COUNTERSIGN_GATEWAY_SERVERS_FILES_COMMAND",
                "node",
                "COUNTERSIGN_GATEWAY_SERVERS_FILES_ARGS_0_",
                ReferenceServers.entryPoint("server-filesystem"),
                "COUNTERSIGN_GATEWAY_SERVERS_FILES_ARGS_1_",
                sandbox.toString(),
                "COUNTERSIGN_GATEWAY_WAIT",
                WAIT.toString());
        // The cluster's ledger URL is the service's datasource: a file, so the gate index outlives the service.
        WorkerProcess worker = cluster.launchWorker(name, port, gateway).awaitReady();
        token = api.post(Desk.REQUESTER, "/api/tokens", Map.of("name", "gateway-it-" + name), Map.of())
                .expect(201)
                .path("secret")
                .asString();
        return worker;
    }

    /** The pending approval of the write of {@code file} in alice's inbox, once it is there. */
    private JsonNode awaitApproval(Path file) {
        return Eventually.until(
                "an approval of the write of " + file.getFileName() + " in alice's inbox",
                Deadlines.RECOVERY,
                Deadlines.POLL,
                () -> {
                    for (JsonNode approval : api.get("alice", "/api/approvals").expect(200)) {
                        if (file.toString()
                                .equals(approval.path("args").path("path").asString())) {
                            return approval;
                        }
                    }
                    return null;
                },
                approval -> approval != null);
    }

    private void approve(JsonNode approval) {
        assertThat(new Desk(api)
                        .approve(
                                "alice",
                                approval.path("approvalId").asString(),
                                approval.path("argsDigest").asString()))
                .isEqualTo("APPROVED");
    }

    /** The ids of dave's gateway tasks. */
    private List<String> gatewayTasks() {
        List<String> ids = new ArrayList<>();
        for (JsonNode task : api.get(Desk.REQUESTER, "/api/tasks").expect(200)) {
            if ("mcp-gateway".equals(task.path("agent").asString())) {
                ids.add(task.path("taskId").asString());
            }
        }
        return ids;
    }

    /** The states of every action of dave's gateway tasks that writes {@code file}. */
    private List<String> actionsFor(Path file) {
        List<String> states = new ArrayList<>();
        for (String taskId : gatewayTasks()) {
            for (JsonNode action :
                    api.get(Desk.REQUESTER, "/api/tasks/" + taskId).expect(200).path("actions")) {
                if (file.toString().equals(action.path("args").path("path").asString())) {
                    states.add(action.path("state").asString());
                }
            }
        }
        return states;
    }

    // --- the caller

    private static boolean pending(McpSchema.CallToolResult result) {
        return text(result).startsWith("PENDING");
    }

    private static String text(McpSchema.CallToolResult result) {
        StringBuilder text = new StringBuilder();
        for (McpSchema.Content content : result.content()) {
            if (content instanceof McpSchema.TextContent part) {
                text.append(part.text());
            }
        }
        return text.toString();
    }

    /** The calls of one scenario, each from a new MCP session as dave, and what they left behind. */
    private final class Scenario {

        private final String name;
        private final AtomicInteger calls = new AtomicInteger();

        Scenario(String name) {
            this.name = name;
        }

        /** One call of files_write_file in a new session: its result, empty when the call itself failed. */
        Optional<McpSchema.CallToolResult> call(Path file, String content) {
            calls.incrementAndGet();
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                            "http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                    .build();
            McpSyncClient client = McpClient.sync(transport)
                    .requestTimeout(WAIT.plus(Duration.ofSeconds(40)))
                    .initializationTimeout(Duration.ofSeconds(20))
                    .build();
            try {
                client.initialize();
                return Optional.of(client.callTool(new McpSchema.CallToolRequest(
                        "files_write_file", Map.of("path", file.toString(), "content", content))));
            } catch (RuntimeException failed) {
                System.out.println("gateway: a call of " + file.getFileName() + " failed: " + failed);
                return Optional.empty();
            } finally {
                client.close();
            }
        }

        /** Calls again, as a client told PENDING does, until the call is answered; its text. */
        String collect(Path file, String content) {
            Optional<McpSchema.CallToolResult> answered = Eventually.until(
                    "the write of " + file.getFileName() + " is answered",
                    Deadlines.RECOVERY,
                    Deadlines.POLL,
                    () -> call(file, content),
                    result -> result.isPresent() && !pending(result.get()));
            McpSchema.CallToolResult result = answered.orElseThrow();
            assertThat(result.isError()).as(text(result)).isNotEqualTo(Boolean.TRUE);
            return text(result);
        }

        /** Changes the written file by hand, then makes the same call {@code times} more; their texts. */
        List<String> replays(Path file, String content, int times) throws IOException {
            Files.writeString(file, CHANGED);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                texts.add(collect(file, content));
            }
            return texts;
        }

        /** Executions of the scenario's writes, and any sign of a second upstream write or a lost one. */
        Tally tally(Path... files) {
            long executions = 0;
            int duplicates = 0;
            int lost = 0;
            for (Path file : files) {
                long executed =
                        actionsFor(file).stream().filter("EXECUTED"::equals).count();
                executions += executed;
                duplicates += (int) Math.max(0, executed - 1) + (CHANGED.equals(read(file)) ? 0 : 1);
                lost += executed == 0 ? 1 : 0;
            }
            return new Tally(name, files.length, calls.get(), executions, duplicates, lost);
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * What a scenario's calls left behind: {@code writes} approved writes, {@code calls} calls made for
     * them, their EXECUTED actions, upstream writes beyond one each (an execution too many, or a file
     * that lost the change made by hand after its first write), and writes never made.
     */
    private record Tally(String scenario, int writes, int calls, long executions, int duplicates, int lost) {

        String line() {
            return "durability[" + scenario + "]: writes=" + writes + " calls=" + calls + " executions=" + executions
                    + " duplicates=" + duplicates + " lost=" + lost;
        }

        Tally print() {
            System.out.println(line());
            return this;
        }

        void assertNothingLostOrDoubled() {
            assertThat(duplicates).as(line()).isZero();
            assertThat(lost).as(line()).isZero();
            assertThat(executions).as(line()).isEqualTo(writes);
        }
    }
}
