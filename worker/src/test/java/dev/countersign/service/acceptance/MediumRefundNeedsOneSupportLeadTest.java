package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 2: a refund above $10 and up to $1000 waits for one approval from support-leads. */
class MediumRefundNeedsOneSupportLeadTest extends AcceptanceTest {

    @Test
    void pendingRefundIsInTheSupportLeadsInboxOnly() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);

        JsonNode pending = desk.awaitApproval(approvalId);

        assertThat(pending.path("rule").asString()).isEqualTo("medium-refunds");
        assertThat(pending.path("required").asInt()).isEqualTo(1);
        assertThat(SupportDesk.amount(pending.path("args"))).isEqualByComparingTo("250");
        assertThat(desk.inbox("alice")).contains(approvalId);
        assertThat(desk.inbox("dave")).doesNotContain(approvalId);
        assertThat(desk.inbox("bob")).doesNotContain(approvalId);
        assertThat(desk.inbox("carol")).doesNotContain(approvalId);
        desk.as("bob").get("/api/approvals/" + approvalId).problem(404, "ApprovalNotFound");
        JsonNode seenByOlga =
                desk.as("olga").get("/api/approvals/" + approvalId).ok(200);
        assertThat(seenByOlga.path("argsDigest").asString())
                .isEqualTo(pending.path("argsDigest").asString());
        assertThat(desk.refunds(taskId)).isEmpty();

        desk.decide(
                        "alice",
                        approvalId,
                        SupportDesk.decision(
                                "approve", pending.path("argsDigest").asString()))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
    }

    @Test
    void supportLeadsApprovalRunsTheRefundExactlyOnce() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        JsonNode decided = desk.decide("alice", approvalId, SupportDesk.decision("approve", digest, "looks right"))
                .ok(200);

        assertThat(decided.path("approvalId").asString()).isEqualTo(approvalId);
        assertThat(decided.path("state").asString()).isEqualTo("APPROVED");
        assertThat(decided.path("approvals").asInt()).isEqualTo(1);
        assertThat(decided.path("required").asInt()).isEqualTo(1);
        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");
        JsonNode refund = SupportDesk.action(task, "a2");
        assertThat(refund.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(refund.path("decisions")).singleElement().satisfies(decision -> {
            assertThat(decision.path("reviewer").asString()).isEqualTo("alice");
            assertThat(decision.path("decision").asString()).isEqualTo("approve");
            assertThat(decision.path("comment").asString()).isEqualTo("looks right");
        });
        List<JsonNode> refunds = desk.refunds(taskId);
        assertThat(refunds).hasSize(1);
        assertThat(SupportDesk.amount(refunds.get(0))).isEqualByComparingTo(new BigDecimal("250"));
        assertThat(desk.inbox("alice")).doesNotContain(approvalId);
    }

    @Test
    void secondApprovalOfADecidedRefundIsAConflict() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .ok(200);

        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .problem(409, "ApprovalAlreadyDecided");

        desk.awaitStatus(taskId, "COMPLETED");
        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .problem(409, "ApprovalAlreadyDecided");
        assertThat(desk.refunds(taskId)).hasSize(1);
    }
}
