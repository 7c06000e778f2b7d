package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Criterion 8, second part: what the API cannot do for an authenticated caller is an RFC 9457
 * problem with a status and a code a client can switch on, never a stack trace.
 */
class RefusedRequestsAreProblemDetailsTest extends AcceptanceTest {

    @Test
    void unknownTaskIsNotFound() {
        String taskId = SupportDesk.uniqueTaskId("never-started");

        JsonNode problem = desk.as("dave").get("/api/tasks/" + taskId).problem(404, "TaskNotFound");

        assertThat(problem.path("instance").asString()).isEqualTo("/api/tasks/" + taskId);
    }

    @Test
    void unknownApprovalIsNotFound() {
        String approvalId = SupportDesk.uniqueTaskId("never-started") + ".a2";

        desk.as("alice").get("/api/approvals/" + approvalId).problem(404, "ApprovalNotFound");
        desk.decide("alice", approvalId, SupportDesk.decision("approve", null)).problem(404, "ApprovalNotFound");
        desk.decide("alice", "no-dot-in-this-id", SupportDesk.decision("approve", null))
                .problem(404, "ApprovalNotFound");
    }

    @Test
    void approvalIdOfARunningTaskWithAnUnknownActionIsNotFound() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.as("alice").get("/api/approvals/" + taskId + ".a9").problem(404, "ApprovalNotFound");
        desk.decide("alice", taskId + ".a9", SupportDesk.decision("approve", null))
                .problem(404, "ApprovalNotFound");

        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    @Test
    void malformedJsonIsABadRequest() {
        JsonNode problem = desk.as("dave")
                .post("/api/tasks", "{\"agent\": \"support\", \"input\": }")
                .problem(400, null);

        assertThat(problem.path("detail").asString()).startsWith("malformed JSON");
    }

    @Test
    void malformedDecisionIsABadRequest() {
        desk.as("alice")
                .post("/api/approvals/" + SupportDesk.uniqueTaskId("any") + ".a2/decision", "{\"decision\": ")
                .problem(400, null);
    }

    @Test
    void unknownDecisionIsRefusedAndChangesNothing() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        JsonNode maybe = desk.decide("alice", approvalId, SupportDesk.decision("maybe", digest))
                .problem(400, "InvalidDecision");
        desk.decide("alice", approvalId, Map.of("comment", "no decision at all"))
                .problem(400, "InvalidDecision");
        desk.decide("alice", approvalId, Map.of("decision", "edit")).problem(400, "InvalidDecision");

        assertThat(maybe.path("detail").asString()).contains("maybe");
        assertThat(desk.as("alice")
                        .get("/api/approvals/" + approvalId)
                        .ok(200)
                        .path("approvals")
                        .asInt())
                .isZero();
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }
}
