package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 3: a refund above $1000 needs two distinct approvers from finance. */
class LargeRefundNeedsTwoFinanceApproversTest extends AcceptanceTest {

    @Test
    void twoDistinctFinanceApproversRunTheRefundOnce() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        JsonNode pending = desk.awaitApproval(approvalId);
        String digest = pending.path("argsDigest").asString();
        assertThat(pending.path("rule").asString()).isEqualTo("large-refunds");
        assertThat(pending.path("groups")).extracting(JsonNode::asString).containsExactly("finance");
        assertThat(desk.inbox("alice")).doesNotContain(approvalId);
        assertThat(desk.inbox("bob")).contains(approvalId);
        assertThat(desk.inbox("carol")).contains(approvalId);

        // Support leads were never named for this refund: to alice it does not exist.
        desk.decide("alice", approvalId, SupportDesk.decision("approve", digest))
                .problem(404, "ApprovalNotFound");
        desk.decide("olga", approvalId, SupportDesk.decision("approve", digest)).problem(403, "NotAnApprover");

        JsonNode first = desk.decide("bob", approvalId, SupportDesk.decision("approve", digest))
                .ok(200);
        assertThat(first.path("state").asString()).isEqualTo("PENDING");
        assertThat(first.path("approvals").asInt()).isEqualTo(1);
        assertThat(first.path("required").asInt()).isEqualTo(2);
        assertThat(desk.inbox("bob")).doesNotContain(approvalId);
        assertThat(desk.inbox("carol")).contains(approvalId);

        desk.decide("bob", approvalId, SupportDesk.decision("approve", digest))
                .problem(403, "AlreadyApprovedByReviewer");
        assertThat(desk.refunds(taskId)).isEmpty();

        JsonNode second = desk.decide("carol", approvalId, SupportDesk.decision("approve", digest))
                .ok(200);
        assertThat(second.path("state").asString()).isEqualTo("APPROVED");
        assertThat(second.path("approvals").asInt()).isEqualTo(2);
        assertThat(second.path("required").asInt()).isEqualTo(2);

        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");
        assertThat(SupportDesk.action(task, "a2").path("decisions"))
                .extracting(decision -> decision.path("reviewer").asString())
                .containsExactly("bob", "carol");
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("5000"));
    }
}
