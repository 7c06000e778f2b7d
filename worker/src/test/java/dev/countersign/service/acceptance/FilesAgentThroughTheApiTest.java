package dev.countersign.service.acceptance;

import static dev.countersign.service.acceptance.ModelDrivenTasks.freeLoopbackPort;
import static dev.countersign.service.acceptance.ModelDrivenTasks.requestsSince;
import static dev.countersign.service.acceptance.ModelDrivenTasks.states;
import static dev.countersign.service.acceptance.ModelDrivenTasks.toolMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.activities.model.ChatCompletionsJson;
import dev.countersign.activities.model.ChatCompletionsJson.Call;
import dev.countersign.activities.model.OpenAiStub;
import dev.countersign.activities.tool.mcp.ReferenceServers;
import dev.countersign.service.CountersignApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The files demo end to end through REST: the files agent of docs/examples/files-agents.yaml, driven
 * by a local OpenAI-compatible server, on the reference filesystem MCP server (nobody here wrote it),
 * under docs/examples/files-policy.yaml. A write waits for a reviewer and then holds exactly the
 * approved content; a rejected write leaves no file and the model hears the reason; a read runs on its
 * own; a way out of the sandbox is denied before anything reaches the server.
 */
@SpringBootTest(classes = CountersignApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("acceptance")
class FilesAgentThroughTheApiTest {

    private static final OpenAiStub model = new OpenAiStub();
    private static Path sandbox;

    @LocalServerPort
    int port;

    private SupportDesk desk;

    @BeforeAll
    static void referenceServerIsInstalled() {
        ReferenceServers.entryPoint("server-filesystem"); // skips, saying why, where npm could not install it
    }

    @DynamicPropertySource
    static void filesDemo(DynamicPropertyRegistry registry) throws IOException {
        sandbox = Files.createTempDirectory("countersign-files").toRealPath();
        sandbox.toFile().deleteOnExit();
        Files.writeString(sandbox.resolve("notes.txt"), "first line\n");
        int temporalPort = freeLoopbackPort();
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:files-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("TEMPORAL_ADDRESS", () -> "");
        registry.add("OPENAI_BASE_URL", model::baseUrl);
        registry.add("COUNTERSIGN_MODEL", () -> "test-model");
        registry.add("COUNTERSIGN_MCP_SERVERS", () -> ReferenceServers.folder().toString());
        registry.add("COUNTERSIGN_FILES_SANDBOX", sandbox::toString);
        registry.add("countersign.agents", () -> "file:../docs/examples/files-agents.yaml");
        registry.add("countersign.policy.location", () -> "file:../docs/examples/files-policy.yaml");
    }

    @AfterAll
    static void stopModel() {
        model.close();
    }

    @BeforeEach
    void connect() {
        desk = new SupportDesk(ApiClient.anonymous(port));
    }

    @Test
    void anApprovedWriteHoldsExactlyTheApprovedContentAtThePathTheReviewerSaw() throws IOException {
        model.reply(ChatCompletionsJson.toolCalls(
                        "I write the plan down.",
                        new Call(
                                "call_write",
                                "files_write_file",
                                "{\"path\":\"plan.txt\",\"content\":\"step one\\n\"}")))
                .reply(ChatCompletionsJson.text("The plan is in plan.txt."));
        String taskId = start("Write the plan to plan.txt");
        String approvalId = taskId + ".a1";
        tools.jackson.databind.JsonNode pending = desk.awaitApproval(approvalId);

        assertThat(pending.path("args").path("path").asString())
                .isEqualTo(sandbox.resolve("plan.txt").toString());
        assertThat(Files.exists(sandbox.resolve("plan.txt"))).isFalse();
        desk.decide(
                        "alice",
                        approvalId,
                        SupportDesk.decision(
                                "approve", pending.path("argsDigest").asString()))
                .ok(200);
        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(Files.readString(sandbox.resolve("plan.txt"))).isEqualTo("step one\n");
        assertThat(states(task)).containsExactly("files_write_file EXECUTED");
    }

    @Test
    void aRejectedWriteLeavesNoFileAndTheModelHearsTheReason() {
        model.reply(ChatCompletionsJson.toolCalls(
                        null,
                        new Call(
                                "call_write",
                                "files_write_file",
                                "{\"path\":\"secrets.txt\",\"content\":\"hunter2\"}")))
                .reply(ChatCompletionsJson.text("I did not write it."));
        int before = model.received().size();
        String taskId = start("Keep the password in a file");
        String approvalId = taskId + ".a1";
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "no passwords in files"))
                .ok(200);
        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(Files.exists(sandbox.resolve("secrets.txt"))).isFalse();
        assertThat(states(task)).containsExactly("files_write_file REJECTED");
        assertThat(toolMessage(requestsSince(model, before).get(1), "call_write"))
                .contains("no passwords in files");
    }

    @Test
    void aReadRunsOnItsOwnAndAWayOutOfTheSandboxIsDeniedUnsent() {
        model.reply(ChatCompletionsJson.toolCalls(
                        null,
                        new Call("call_read", "files_read_text_file", "{\"path\":\"notes.txt\"}"),
                        new Call("call_escape", "files_write_file", "{\"path\":\"../escape.txt\",\"content\":\"x\"}")))
                .reply(ChatCompletionsJson.text("Read the notes; the other file is outside my folder."));
        int before = model.received().size();
        String taskId = start("Read the notes and write escape.txt next to the sandbox");

        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(states(task)).containsExactly("files_read_text_file EXECUTED", "files_write_file DENIED");
        assertThat(Files.exists(sandbox.resolveSibling("escape.txt"))).isFalse();
        JsonNode next = requestsSince(model, before).get(1);
        assertThat(toolMessage(next, "call_read")).contains("first line");
        assertThat(toolMessage(next, "call_escape")).contains("only files inside the sandbox may be read or changed");
    }

    private String start(String goal) {
        String taskId = SupportDesk.uniqueTaskId("files");
        desk.as("dave")
                .post("/api/tasks", Map.of("taskId", taskId, "agent", "files", "goal", goal, "input", Map.of()))
                .ok(201);
        return taskId;
    }
}
