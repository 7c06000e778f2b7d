package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5, item 4: statistics and suggestions computed from a run of tasks (through the decision
 * record the tasks feed) match what was counted by hand. Only tasks started after this test began count ({@code since}), so other tests' tasks in
 * the shared service do not change the numbers.
 */
class DecisionRecordFromTheTasksTest extends AcceptanceTest {

    @Test
    void statsAndSuggestionsMatchTheDecisionsMade() {
        Instant since = Instant.now();
        for (int i = 0; i < 3; i++) {
            String small = desk.startRefund("ST-5-" + i, "5", "USD");
            desk.awaitStatus(small, "COMPLETED");
        }
        decide("ST-REJ", "reject", "not eligible");
        decide("ST-EDIT", "edit", "only part");
        decide("ST-OK-1", "approve", "fine");
        decide("ST-OK-2", "approve", "fine");

        // Each task sends its rows to the decision record as they happen, so the record catches up at once.
        JsonNode stats = desk.awaitAnswer(
                "olga",
                "/api/policy/stats?since=" + since,
                "every call of the 7 tasks settled in the record",
                answer -> answer.path("tasksRead").asInt() == 7
                        && settled(answer, "small-refunds", 3)
                        && settled(answer, "medium-refunds", 4));

        assertThat(stats.path("since").asString()).isEqualTo(since.toString());
        assertThat(stats.path("tasksRead").asInt()).isEqualTo(7);
        assertThat(stats.path("truncated").asBoolean()).isFalse();
        JsonNode small = rule(stats, "issue_refund", "small-refunds");
        assertThat(small.path("outcome").asString()).isEqualTo("auto");
        assertThat(small.path("calls").asInt()).isEqualTo(3);
        assertThat(small.path("auto").asInt()).isEqualTo(3);
        JsonNode medium = rule(stats, "issue_refund", "medium-refunds");
        assertThat(medium.path("calls").asInt()).isEqualTo(4);
        assertThat(medium.path("approved").asInt()).isEqualTo(2);
        assertThat(medium.path("edited").asInt()).isEqualTo(1);
        assertThat(medium.path("rejected").asInt()).isEqualTo(1);
        assertThat(medium.path("timedOut").asInt()).isZero();
        assertThat(medium.path("pending").asInt()).isZero();
        assertThat(medium.path("medianTimeToDecision").asString()).startsWith("PT");
        assertThat(medium.path("p90TimeToDecision").asString()).startsWith("PT");

        JsonNode suggestions = desk.as("olga")
                .get("/api/policy/suggestions?relax-after=2&since=" + since)
                .ok(200);
        assertThat(suggestions).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.path("kind").asString()).isEqualTo("RELAX");
            assertThat(suggestion.path("rule").asString()).isEqualTo("medium-refunds");
            assertThat(suggestion.path("count").asInt()).isEqualTo(2);
        });
        assertThat(desk.as("olga")
                        .get("/api/policy/suggestions?relax-after=3&since=" + since)
                        .ok(200))
                .isEmpty();
    }

    @Test
    void onlyOperatorsReadTheRecord() {
        desk.as("alice").get("/api/policy/stats").problem(403, "NotAnOperator");
        desk.as("alice").get("/api/policy/suggestions").problem(403, "NotAnOperator");
        anonymous.get("/api/policy/stats").problem(401, "Unauthenticated");
        desk.as("ada").get("/api/policy/stats").ok(200);
    }

    @Test
    void badParametersAreProblemDetails() {
        desk.as("olga").get("/api/policy/stats?since=yesterday").problem(400, "InvalidRequest");
        desk.as("olga").get("/api/policy/suggestions?relax-after=0").problem(400, "InvalidRequest");
        desk.as("olga").get("/api/policy/suggestions?relax-after=many").problem(400, "InvalidRequest");
    }

    private void decide(String orderId, String decision, String comment) {
        String taskId = desk.startRefund(orderId, "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, Object> body = decision.equals("edit")
                ? SupportDesk.edit(digest, Map.of("orderId", orderId, "amount", 200, "currency", "USD"), comment)
                : SupportDesk.decision(decision, digest, comment);
        desk.decide("alice", approvalId, body).ok(200);
        desk.awaitTask(
                taskId,
                "ended",
                task -> !"AWAITING_APPROVAL".equals(task.path("status").asString())
                        && !"RUNNING".equals(task.path("status").asString()));
    }

    private static boolean settled(JsonNode stats, String rule, int calls) {
        return StreamSupport.stream(stats.path("rules").spliterator(), false)
                .anyMatch(entry -> rule.equals(entry.path("rule").asString())
                        && entry.path("calls").asInt() == calls
                        && entry.path("pending").asInt() == 0);
    }

    private static JsonNode rule(JsonNode stats, String tool, String rule) {
        return StreamSupport.stream(stats.path("rules").spliterator(), false)
                .filter(entry -> tool.equals(entry.path("tool").asString())
                        && rule.equals(entry.path("rule").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no statistics for " + tool + " / " + rule + " in " + stats));
    }
}
