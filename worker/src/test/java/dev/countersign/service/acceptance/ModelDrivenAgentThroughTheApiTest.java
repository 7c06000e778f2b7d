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
import dev.countersign.service.CountersignApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A model-driven agent declared in an agents file, on a local OpenAI-compatible server that checks
 * each request as OpenAI does (a request it would reject fails the task): its calls go through the
 * policy, a reviewer and the tool activity, and the model hears every outcome by its call's id.
 */
@SpringBootTest(classes = CountersignApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("acceptance")
class ModelDrivenAgentThroughTheApiTest {

    private static final OpenAiStub model = new OpenAiStub();

    @LocalServerPort
    int port;

    private SupportDesk desk;

    @DynamicPropertySource
    static void modelAndAgents(DynamicPropertyRegistry registry) throws IOException {
        Path agents = Files.createTempFile("countersign-agents", ".yaml");
        agents.toFile().deleteOnExit();
        Files.writeString(agents, """
                agents:
                  refunds-llm:
                    instructions: You handle refund requests of the demo shop. Look the order up first.
                    tools: [lookup_order, issue_refund, send_email]
                  frugal:
                    instructions: You look orders up, and spend few tokens doing it.
                    tools: [lookup_order]
                    token-budget: 200
                """);
        int temporalPort = freeLoopbackPort();
        registry.add("countersign.embedded-temporal.port", () -> temporalPort);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:model-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("TEMPORAL_ADDRESS", () -> "");
        registry.add("OPENAI_BASE_URL", model::baseUrl);
        registry.add("COUNTERSIGN_MODEL", () -> "test-model");
        registry.add("countersign.agents", () -> "file:" + agents);
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
    void aRejectedCallIsToldToTheModelWithTheReviewersReasonAndNothingIsRefunded() {
        model.reply(ChatCompletionsJson.toolCalls(
                        "I will look the order up and refund it.",
                        new Call("call_look", "lookup_order", "{\"orderId\":\"A-1\"}"),
                        new Call(
                                "call_refund",
                                "issue_refund",
                                "{\"orderId\":\"A-1\",\"amount\":250,\"currency\":\"USD\"}")))
                .reply(ChatCompletionsJson.toolCalls(
                        null,
                        new Call(
                                "call_email",
                                "send_email",
                                "{\"to\":\"ana.silva@example.com\",\"subject\":\"Your refund\","
                                        + "\"body\":\"We cannot refund order A-1.\"}")))
                .reply(ChatCompletionsJson.text("The customer was told that no refund is possible."));
        int before = model.received().size();
        String taskId = start("Refund 250 USD for order A-1");
        String approvalId = taskId + ".a2";
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "the bank already reversed it"))
                .ok(200);
        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(task.path("summary").asString()).isEqualTo("The customer was told that no refund is possible.");
        assertThat(states(task))
                .containsExactly("lookup_order EXECUTED", "issue_refund REJECTED", "send_email EXECUTED");
        assertThat(desk.refunds(taskId)).isEmpty();
        List<JsonNode> requests = requestsSince(model, before);
        assertThat(requests).hasSize(3);
        JsonNode afterTheRejection = requests.get(1);
        assertThat(toolMessage(afterTheRejection, "call_look")).contains("\"found\":true");
        assertThat(toolMessage(afterTheRejection, "call_refund")).contains("the bank already reversed it");
        assertThat(afterTheRejection.path("model").asText()).isEqualTo("test-model");
        assertThat(afterTheRejection.path("messages").get(0).path("content").asText())
                .startsWith("You handle refund requests");
    }

    @Test
    void anApprovedCallRunsOnceAndTheModelGetsItsResult() {
        model.reply(ChatCompletionsJson.toolCalls(
                        null,
                        new Call(
                                "call_refund",
                                "issue_refund",
                                "{\"orderId\":\"A-1\",\"amount\":250,\"currency\":\"USD\"}")))
                .reply(ChatCompletionsJson.text("Refunded."));
        int before = model.received().size();
        String taskId = start("Refund 250 USD for order A-1");
        String approvalId = taskId + ".a1";
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .ok(200);
        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(states(task)).containsExactly("issue_refund EXECUTED");
        assertThat(desk.refunds(taskId)).hasSize(1);
        assertThat(toolMessage(requestsSince(model, before).get(1), "call_refund"))
                .contains("RF-");
    }

    @Test
    void theSameCallAfterARejectionIsRefusedWithoutAskingAnyoneAndTheModelHearsWhy() {
        String refund = "{\"orderId\":\"A-1\",\"amount\":250,\"currency\":\"USD\"}";
        model.reply(ChatCompletionsJson.toolCalls(null, new Call("call_first", "issue_refund", refund)))
                .reply(ChatCompletionsJson.toolCalls(
                        "Let me try again.", new Call("call_again", "issue_refund", refund)))
                .reply(ChatCompletionsJson.text("No refund: a reviewer said no."));
        int before = model.received().size();
        String taskId = start("Refund 250 USD for order A-1");
        String digest = desk.awaitApproval(taskId + ".a1").path("argsDigest").asString();

        desk.decide("alice", taskId + ".a1", SupportDesk.decision("reject", digest, "not eligible"))
                .ok(200);
        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(states(task)).containsExactly("issue_refund REJECTED", "issue_refund DENIED");
        assertThat(SupportDesk.action(task, "a2").path("decisions"))
                .as("nobody was asked again")
                .isEmpty();
        assertThat(desk.inbox("alice")).doesNotContain(taskId + ".a2");
        assertThat(desk.refunds(taskId)).isEmpty();
        assertThat(toolMessage(requestsSince(model, before).get(2), "call_again"))
                .contains("not asked again")
                .contains("alice rejected this exact call (a1): not eligible");
    }

    @Test
    void passingTheTokenBudgetEndsTheTaskFailedSayingSo() {
        model.reply(ChatCompletionsJson.toolCalls(null, new Call("call_1", "lookup_order", "{\"orderId\":\"A-1\"}")))
                .reply(ChatCompletionsJson.toolCalls(
                        null, new Call("call_2", "lookup_order", "{\"orderId\":\"A-2\"}")));
        String taskId = start("frugal", "Look orders A-1 and A-2 up");

        tools.jackson.databind.JsonNode task = desk.awaitStatus(taskId, "FAILED");

        assertThat(task.path("summary").asString())
                .isEqualTo("the agent used 300 tokens, more than its budget of 200 (token-budget of agent 'frugal'"
                        + " in the agents file); what its last reply proposed was not done");
        assertThat(task.path("tokens").asLong()).isEqualTo(300);
        assertThat(states(task)).containsExactly("lookup_order EXECUTED");
    }

    private String start(String goal) {
        return start("refunds-llm", goal);
    }

    private String start(String agent, String goal) {
        String taskId = SupportDesk.uniqueTaskId("llm");
        desk.as("dave")
                .post("/api/tasks", Map.of("taskId", taskId, "agent", agent, "goal", goal, "input", Map.of()))
                .ok(201);
        return taskId;
    }
}
