package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a task's decision record through the API (operators and admins), and its rebuild from
 * the tasks Temporal keeps (admins only); refusals are problem details.
 */
class DecisionRecordApiTest extends AcceptanceTest {

    @Test
    void aTasksRowsSayWhoDecidedWhat() {
        String taskId = desk.startRefund("REC-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest, "fine"))
                .ok(200);

        JsonNode rows = desk.awaitAnswer(
                "olga",
                "/api/records/tasks/" + taskId,
                "the refund's execution recorded",
                answer -> keys(answer).contains("a2 execution executed"));

        assertThat(keys(rows)).contains("a2 proposal null", "a2 verdict approve", "a2 decision-0 approve");
        JsonNode decision = row(rows, "a2", "decision-0");
        assertThat(decision.path("by").asString()).isEqualTo("alice");
        assertThat(decision.path("kind").asString()).isEqualTo("decision");
        assertThat(decision.path("comment").asString()).isEqualTo("fine");
        assertThat(decision.path("requester").asString()).isEqualTo("dave");
        assertThat(row(rows, "a2", "proposal").path("argsDigest").asString()).isEqualTo(digest);
        assertThat(row(rows, "a2", "verdict").path("rule").asString()).isEqualTo("medium-refunds");
    }

    @Test
    void theRebuildFindsNothingMissingInTasksThatFedTheRecord() {
        String taskId = desk.startRefund("REC-2", "5", "USD");
        desk.awaitStatus(taskId, "COMPLETED");
        desk.awaitAnswer(
                "olga",
                "/api/records/tasks/" + taskId,
                "the last row",
                answer -> keys(answer).contains("a3 execution executed"));

        JsonNode report = desk.as("ada").post("/api/records/rebuild", null).ok(200);

        assertThat(report.path("tasksRead").asInt()).isPositive();
        assertThat(StreamSupport.stream(report.path("added").spliterator(), false)
                        .map(JsonNode::asString)
                        .filter(key -> key.startsWith(taskId + "/")))
                .isEmpty();
    }

    @Test
    void onlyAdminsRebuildAndOnlyOperatorsAndAdminsRead() {
        desk.as("olga").post("/api/records/rebuild", null).problem(403, "NotAnAdmin");
        desk.as("alice").post("/api/records/rebuild", null).problem(403, "NotAnAdmin");
        anonymous.post("/api/records/rebuild", null).problem(401, "Unauthenticated");
        desk.as("alice").get("/api/records/tasks/anything").problem(403, "NotAnOperator");
        anonymous.get("/api/records/tasks/anything").problem(401, "Unauthenticated");
        desk.as("olga").get("/api/records/tasks/never-started").problem(404, "TaskNotRecorded");
    }

    private static List<String> keys(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.path("actionId").asString() + " "
                        + row.path("eventKey").asString() + " "
                        + (row.path("outcome").isNull()
                                ? "null"
                                : row.path("outcome").asString()))
                .toList();
    }

    private static JsonNode row(JsonNode rows, String actionId, String eventKey) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> actionId.equals(row.path("actionId").asString())
                        && eventKey.equals(row.path("eventKey").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + actionId + " " + eventKey + " in " + rows));
    }
}
