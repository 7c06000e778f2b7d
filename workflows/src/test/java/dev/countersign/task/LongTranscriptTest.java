package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
import dev.countersign.payload.PayloadBounds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LongTranscriptTest {

    private static final int GUIDANCE_BYTES = 200 * 1024;

    private final ShapedRepliesAgent agent = new ShapedRepliesAgent(step -> step);
    private final TaskHarness harness = new TaskHarness(agent);

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theModelsRequestStaysUnderTheBoundWhileTheTranscriptGrows() {
        harness.tools.outputs.put("lookup_order", Map.of("report", "r".repeat(GUIDANCE_BYTES)));
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5, "ask", true), TaskHarness.REQUESTER);
        harness.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);
        for (int i = 0; i < 8; i++) {
            harness.stub(taskId).guide(new TaskMessage("alice", i + ":" + "g".repeat(GUIDANCE_BYTES)));
        }
        harness.stub(taskId).answer(new TaskMessage("alice", "USD"));

        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(agent.requests)
                .allSatisfy(request -> assertThat(OversizedToolResultTest.serializedBytes(request))
                        .isLessThan(PayloadBounds.MAX_MESSAGE_BYTES));
        AgentRequest last = agent.conversations.get(agent.conversations.size() - 1);
        List<TranscriptEntry> guidance = last.transcript().stream()
                .filter(entry -> entry.kind() == TranscriptKind.GUIDANCE)
                .toList();
        assertThat(guidance).hasSize(8);
        assertThat(guidance.get(0).text())
                .startsWith("0:ggg")
                .endsWith("… [truncated: " + (GUIDANCE_BYTES + 2) + " bytes]")
                .hasSizeLessThan(PayloadBounds.ELIDED_BYTES);
        assertThat(last.transcript().get(last.transcript().size() - 1).kind()).isEqualTo(TranscriptKind.TOOL_RESULT);
        assertThat(last.transcript().get(last.transcript().size() - 1).result())
                .as("the newest entry is whole")
                .containsKey("ok");
    }

    @Test
    void aThreeMegabyteGoalReachesTheModelOnceAndCut() {
        String goal = "refund please ".repeat(OversizedToolResultTest.THREE_MB / 14);
        WorkflowClient.start(
                harness.client.newWorkflowStub(
                        AgentTaskWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId("huge-goal")
                                .setTaskQueue(AgentTaskWorkflow.TASK_QUEUE)
                                .build())::run,
                new TaskStart("huge-goal", "support", goal, Map.of("orderId", "A-1", "amount", 5), "dave"),
                null);

        TaskView done = harness.result("huge-goal");

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.goal()).startsWith("refund please").endsWith("… [truncated: " + goal.length() + " bytes]");
        assertThat(OversizedToolResultTest.serializedBytes(done)).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);
        assertThat(agent.requests.get(0).goal()).endsWith("… [truncated: " + goal.length() + " bytes]");
        assertThat(agent.requests.subList(1, agent.requests.size()))
                .as("the goal travels with the first model call only; the store keeps it")
                .allSatisfy(request -> assertThat(request.goal()).isNull());
        assertThat(agent.conversations)
                .allSatisfy(
                        request -> assertThat(request.goal()).endsWith("… [truncated: " + goal.length() + " bytes]"));
        assertThat(agent.requests)
                .allSatisfy(request -> assertThat(OversizedToolResultTest.serializedBytes(request))
                        .isLessThan(PayloadBounds.MAX_MESSAGE_BYTES));
    }
}
