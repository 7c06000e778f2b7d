package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.payload.PayloadBounds;
import io.temporal.api.enums.v1.EventType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OversizedUpdateArgumentsTest {

    private static final String TOO_LONG = "c".repeat(PayloadBounds.MAX_VALUE_BYTES + 1);

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void anOversizedCommentIsRefusedAndLeavesNoEvent() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        String refusal = TaskHarness.refusalOf(
                () -> harness.decide(taskId, "alice", DecisionKind.REQUEST_CHANGES, null, null, TOO_LONG));

        assertThat(refusal).isEqualTo(DecisionRefusal.PAYLOAD_TOO_LARGE);
        assertThat(updateEvents(taskId)).isZero();
        assertThat(harness.stub(taskId).view().status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);
        harness.approve(taskId, "alice");
        assertThat(harness.result(taskId).status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void oversizedEditedArgumentsAreRefused() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        String refusal = TaskHarness.refusalOf(() -> harness.decide(
                taskId,
                "alice",
                DecisionKind.EDIT,
                Map.of("orderId", TOO_LONG, "amount", 200, "currency", "USD"),
                null,
                ""));

        assertThat(refusal).isEqualTo(DecisionRefusal.PAYLOAD_TOO_LARGE);
    }

    @Test
    void anOversizedAnswerIsRefusedAndTheQuestionStaysOpen() {
        String taskId = harness.start(Map.of("orderId", "A-1", "amount", 5, "ask", true), TaskHarness.REQUESTER);
        harness.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);

        String refusal = TaskHarness.refusalOf(() -> harness.stub(taskId).answer(new TaskMessage("alice", TOO_LONG)));

        assertThat(refusal).isEqualTo(DecisionRefusal.PAYLOAD_TOO_LARGE);
        assertThat(updateEvents(taskId)).isZero();
        assertThat(harness.stub(taskId).view().question()).isNotNull();
    }

    @Test
    void oversizedGuidanceIsKeptCutWithItsMarker() {
        ShapedRepliesAgent agent = new ShapedRepliesAgent(step -> step);
        try (TaskHarness own = new TaskHarness(agent)) {
            String taskId = own.start(Map.of("orderId", "A-1", "amount", 5, "ask", true), TaskHarness.REQUESTER);
            own.awaitStatus(taskId, TaskStatus.AWAITING_INPUT);
            own.stub(taskId).guide(new TaskMessage("alice", TOO_LONG));
            own.stub(taskId).answer(new TaskMessage("alice", "USD"));
            own.result(taskId);

            String guidance = agent.conversations.get(1).transcript().get(0).text();
            assertThat(guidance).endsWith("… [truncated: " + TOO_LONG.length() + " bytes]");
            assertThat(PayloadBounds.utf8Length(guidance)).isLessThanOrEqualTo(PayloadBounds.MAX_VALUE_BYTES);
        }
    }

    private long updateEvents(String taskId) {
        return harness.client.fetchHistory(taskId).getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .count();
    }
}
