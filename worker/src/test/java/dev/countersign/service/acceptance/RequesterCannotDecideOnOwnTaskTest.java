package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 8, last part: whoever started a task never countersigns it; someone else does. */
class RequesterCannotDecideOnOwnTaskTest extends AcceptanceTest {

    @Test
    void requesterCannotApproveTheirOwnRefund() {
        String taskId = desk.startRefund("dave", "A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide("dave", approvalId, SupportDesk.decision("approve", digest)).problem(403, "RequesterCannotDecide");

        assertThat(desk.inbox("dave")).doesNotContain(approvalId);
        assertThat(desk.as("alice")
                        .get("/api/approvals/" + approvalId)
                        .ok(200)
                        .path("approvals")
                        .asInt())
                .isZero();
        assertThat(desk.refunds(taskId)).isEmpty();
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    @Test
    void operatorStartsATaskAndASupportLeadApprovesIt() {
        String taskId = desk.startRefund("olga", "A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        assertThat(desk.task(taskId).path("requester").asString()).isEqualTo("olga");

        desk.decide("olga", approvalId, SupportDesk.decision("approve", digest)).problem(403, "RequesterCannotDecide");
        JsonNode approved = desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .ok(200);

        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).hasSize(1);
    }

    @Test
    void reviewerWhoMayNotStartTasksIsRefused() {
        String taskId = SupportDesk.uniqueTaskId("by-alice");

        desk.as("alice")
                .post("/api/tasks", SupportDesk.refundTask(taskId, "A-1", "5", "USD"))
                .problem(403, "NotARequester");

        desk.as("dave").get("/api/tasks/" + taskId).problem(404, "TaskNotFound");
    }

    @Test
    void identityClaimedInTheBodyIsIgnored() {
        String taskId = SupportDesk.uniqueTaskId("claimed");
        Map<String, Object> start = new LinkedHashMap<>(SupportDesk.refundTask(taskId, "A-1", "250", "USD"));
        start.put("requester", "alice");
        desk.as("dave").post("/api/tasks", start).ok(201);
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        assertThat(desk.task(taskId).path("requester").asString()).isEqualTo("dave");

        Map<String, Object> claimed = new LinkedHashMap<>(SupportDesk.decision("approve", digest));
        claimed.put("reviewer", "alice");
        claimed.put("reviewerGroups", List.of("support-leads"));
        desk.decide("dave", approvalId, claimed).problem(403, "RequesterCannotDecide");
        desk.decide("olga", approvalId, claimed).problem(403, "NotAnApprover");
        // bob's own group, finance, was never named for this task: he may not even read it.
        desk.decide("bob", approvalId, claimed).problem(404, "ApprovalNotFound");

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
