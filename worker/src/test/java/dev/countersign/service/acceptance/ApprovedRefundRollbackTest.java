package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Post-action review over HTTP: an approved $250 refund stays open for review, a support lead rolls
 * it back, and the ledger shows the refund and its reversal for that order and nothing else. The
 * demo policy reviews approved refunds when {@code countersign.demo.approved-review} sets a window,
 * as {@link ReviewedRefundsAcceptanceTest} does (its own running service); by default it does not, so a
 * demo refund completes once it ran.
 */
class ApprovedRefundRollbackTest extends ReviewedRefundsAcceptanceTest {

    private String approvedRefundInReview() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .ok(200);
        JsonNode task = desk.awaitTask(
                taskId,
                "IN_REVIEW",
                t -> !t.path("status").asString().startsWith("AWAITING")
                        && !t.path("status").asString().equals("RUNNING"));
        assertThat(SupportDesk.action(task, "a2").path("review").path("state").asString())
                .as("countersign.demo.approved-review gives approved refunds a review window")
                .isEqualTo("AWAITING");
        assertThat(task.path("status").asString()).isEqualTo("IN_REVIEW");
        return taskId;
    }

    private Reply review(String reviewer, String taskId, String actionId, Map<String, Object> body) {
        return desk.as(reviewer).post("/api/tasks/" + taskId + "/actions/" + actionId + "/review", body);
    }

    @Test
    void rolledBackApprovedRefundLeavesItsReversalInTheLedger() {
        String taskId = approvedRefundInReview();
        assertThat(desk.as("alice").get("/api/reviews").ok(200)).anySatisfy(pending -> {
            assertThat(pending.path("taskId").asString()).isEqualTo(taskId);
            assertThat(pending.path("action").path("actionId").asString()).isEqualTo("a2");
        });

        JsonNode rolledBack = review("alice", taskId, "a2", Map.of("verdict", "rollback", "comment", "wrong order"))
                .ok(200);

        assertThat(rolledBack.path("review").path("state").asString()).isEqualTo("ROLLED_BACK");
        assertThat(rolledBack.path("review").path("reviewer").asString()).isEqualTo("alice");
        assertThat(rolledBack.path("compensation").path("compensation").asString())
                .isEqualTo("reverse_refund");
        List<JsonNode> refunds = desk.refunds(taskId);
        assertThat(refunds).extracting(row -> row.path("orderId").asString()).containsOnly("A-1");
        assertThat(refunds)
                .extracting(SupportDesk::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("250"), new BigDecimal("-250"));
        JsonNode done = desk.awaitStatus(taskId, "COMPLETED");
        assertThat(SupportDesk.action(done, "a2").path("review").path("state").asString())
                .isEqualTo("ROLLED_BACK");
        assertThat(desk.as("alice").get("/api/reviews").ok(200))
                .noneMatch(pending -> pending.path("taskId").asString().equals(taskId));

        // The task has ended: a second rollback and a whole-task rollback are conflicts, and the
        // ledger is unchanged.
        review("olga", taskId, "a2", Map.of("verdict", "rollback")).problem(409, "AlreadyReviewed");
        desk.as("olga").post("/api/tasks/" + taskId + "/rollback", Map.of()).problem(409, "TaskNotActive");
        assertThat(desk.refunds(taskId)).hasSize(2);
    }

    @Test
    void refusedReviewsAreProblemsAndChangeNothing() {
        String taskId = approvedRefundInReview();

        review("dave", taskId, "a2", Map.of("verdict", "rollback")).problem(403, "RequesterCannotDecide");
        review("ada", taskId, "a2", Map.of("verdict", "rollback")).problem(403, "NotAllowedToReview");
        review("bob", taskId, "a2", Map.of("verdict", "rollback")).problem(404, "TaskNotFound");
        review("alice", taskId, "a9", Map.of("verdict", "ok")).problem(404, "UnknownAction");
        review("alice", "no-such-task", "a2", Map.of("verdict", "ok")).problem(404, "TaskNotFound");
        review("alice", taskId, "a2", Map.of("verdict", "undo")).problem(400, "InvalidDecision");
        review("olga", taskId, "a1", Map.of("verdict", "ok")).problem(409, "NotUnderReview");
        desk.as("ada").post("/api/tasks/" + taskId + "/rollback", Map.of()).problem(403, "NotAllowedToReview");
        desk.as("bob").post("/api/tasks/" + taskId + "/rollback", Map.of()).problem(404, "TaskNotFound");
        desk.as("olga")
                .post("/api/tasks/" + taskId + "/actions/a2/compensation/retry", Map.of())
                .problem(409, "NotApplicable");
        desk.as("alice")
                .post("/api/tasks/" + taskId + "/actions/a2/compensation/retry", Map.of())
                .problem(403, "NotAllowedToReview");
        assertThat(desk.refunds(taskId)).hasSize(1);

        review("alice", taskId, "a2", Map.of("verdict", "flag", "comment", "no receipt attached"))
                .ok(200);
        review("olga", taskId, "a2", Map.of("verdict", "rollback")).problem(409, "AlreadyReviewed");
        JsonNode done = desk.awaitStatus(taskId, "COMPLETED");
        assertThat(SupportDesk.action(done, "a2").path("review").path("state").asString())
                .isEqualTo("FLAGGED");
        assertThat(desk.refunds(taskId)).hasSize(1);
    }
}
