package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.countersign.service.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/tasks/{taskId}/history tells operators a task's story from its workflow history: who
 * started it, what the agent proposed, what the policy said, who decided what, in order, and how
 * it ended.
 */
class TaskHistoryAcceptanceTest extends AcceptanceTest {

    @Test
    void approvedRefundsHistoryNamesTheReviewerAndEndsCompleted() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest, "matches the statement"))
                .ok(200);

        JsonNode history = awaitEnd(taskId);

        assertThat(history.path("taskId").asString()).isEqualTo(taskId);
        assertThat(history.path("webUiUrl").isNull()).isTrue();
        List<JsonNode> events = events(history);
        assertThat(events.get(0).path("kind").asString()).isEqualTo("STARTED");
        assertThat(events.get(0).path("actor").asString()).isEqualTo("dave");
        assertThat(events)
                .filteredOn(event -> kind(event).equals("DECISION"))
                .extracting(
                        event -> event.path("actor").asString(),
                        event -> event.path("details").path("decision").asString())
                .containsExactly(tuple("alice", "approve"));
        assertThat(kindsOf(events, "a2"))
                .containsExactly("PROPOSED", "POLICY_VERDICT", "AWAITING_APPROVAL", "DECISION", "EXECUTED");
        assertThat(events).filteredOn(event -> kind(event).equals("NOTIFIED")).hasSize(1);
        JsonNode awaiting = only(events, "AWAITING_APPROVAL");
        assertThat(awaiting.path("details").path("approvalId").asString()).isEqualTo(approvalId);
        assertThat(awaiting.path("details").path("groups"))
                .extracting(JsonNode::asString)
                .containsExactly("support-leads");
        JsonNode decision = only(events, "DECISION");
        assertThat(decision.path("details").path("comment").asString()).isEqualTo("matches the statement");
        assertThat(decision.path("details").path("state").asString()).isEqualTo("APPROVED");
        assertThat(decision.path("summary").asString()).startsWith("alice approved issue_refund");
        assertThat(events).extracting(event -> event.path("eventId").asLong()).isSorted();
        JsonNode end = events.get(events.size() - 1);
        assertThat(kind(end)).isEqualTo("COMPLETED");
        assertThat(end.path("details").path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void editThenQuorumNamesEveryReviewerAndDecisionInOrder() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        desk.decide("olga", approvalId, SupportDesk.decision("approve", digest)).problem(403, "NotAnApprover");
        Map<String, Object> edited = Map.of("orderId", "Z-5000", "amount", 4000, "currency", "USD");
        String editedDigest = desk.decide("bob", approvalId, SupportDesk.edit(digest, edited, "partial refund"))
                .ok(200)
                .path("argsDigest")
                .asString();
        desk.decide("carol", approvalId, SupportDesk.decision("approve", editedDigest))
                .ok(200);

        List<JsonNode> events = events(awaitEnd(taskId));

        assertThat(events)
                .filteredOn(event -> kind(event).startsWith("DECISION"))
                .extracting(
                        event -> kind(event),
                        event -> event.path("actor").asString(),
                        event -> event.path("details").path("decision").asString(),
                        event -> event.path("details").path("state").asString())
                .containsExactly(
                        tuple("DECISION", "bob", "edit", "PENDING"), tuple("DECISION", "carol", "approve", "APPROVED"));
        JsonNode edit = events.stream()
                .filter(event -> kind(event).equals("DECISION"))
                .findFirst()
                .orElseThrow();
        assertThat(edit.path("details").path("args").path("amount").asInt()).isEqualTo(4000);
        assertThat(kindsOf(events, "a2"))
                .containsExactly(
                        "PROPOSED",
                        "POLICY_VERDICT",
                        "AWAITING_APPROVAL",
                        "POLICY_VERDICT",
                        "DECISION",
                        "DECISION",
                        "EXECUTED");
        assertThat(kind(events.get(events.size() - 1))).isEqualTo("COMPLETED");
    }

    @Test
    void historyOfAnUnknownTaskIsAProblem() {
        desk.as("olga").get("/api/tasks/no-such-task/history").problem(404, "TaskNotFound");
    }

    /**
     * The task's view says COMPLETED a moment before its workflow has recorded its end, so the
     * history is read until it ends, for at most {@link SupportDesk#DEADLINE}.
     */
    private JsonNode awaitEnd(String taskId) {
        desk.awaitStatus(taskId, "COMPLETED");
        return Eventually.until(
                "the history of " + taskId + " ends",
                SupportDesk.DEADLINE,
                Duration.ofMillis(50),
                () -> read(taskId),
                TaskHistoryAcceptanceTest::ended);
    }

    private JsonNode read(String taskId) {
        return desk.as("olga").get("/api/tasks/" + taskId + "/history").ok(200);
    }

    private static boolean ended(JsonNode history) {
        List<JsonNode> events = events(history);
        return !events.isEmpty()
                && List.of("COMPLETED", "FAILED", "CANCELLED").contains(kind(events.get(events.size() - 1)));
    }

    private static List<JsonNode> events(JsonNode history) {
        List<JsonNode> events = new ArrayList<>();
        history.path("events").forEach(events::add);
        return events;
    }

    /**
     * The kinds of an action's events, without NOTIFIED: a notification runs beside the approval,
     * so its receipt may land before or after a decision.
     */
    private static List<String> kindsOf(List<JsonNode> events, String actionId) {
        return events.stream()
                .filter(event -> actionId.equals(event.path("actionId").asString()))
                .map(TaskHistoryAcceptanceTest::kind)
                .filter(kind -> !kind.equals("NOTIFIED"))
                .toList();
    }

    private static JsonNode only(List<JsonNode> events, String kind) {
        List<JsonNode> found =
                events.stream().filter(event -> kind(event).equals(kind)).toList();
        assertThat(found).as("%s events", kind).hasSize(1);
        return found.get(0);
    }

    private static String kind(JsonNode event) {
        return event.path("kind").asString();
    }
}
