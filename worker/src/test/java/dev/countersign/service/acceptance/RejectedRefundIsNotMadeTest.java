package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 4: a rejection stops the refund, and the customer hears why. */
class RejectedRefundIsNotMadeTest extends AcceptanceTest {

    @Test
    void rejectedRefundCompletesWithAnApologyAndNoRefund() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        String customer = desk.task(taskId).path("input").path("customer").asString();

        JsonNode decided = desk.decide(
                        "alice",
                        approvalId,
                        SupportDesk.decision("reject", digest, "the bank already reversed the second charge"))
                .ok(200);

        assertThat(decided.path("state").asString()).isEqualTo("REJECTED");
        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");
        JsonNode refund = SupportDesk.action(task, "a2");
        assertThat(refund.path("state").asString()).isEqualTo("REJECTED");
        assertThat(refund.path("decisions")).singleElement().satisfies(decision -> {
            assertThat(decision.path("reviewer").asString()).isEqualTo("alice");
            assertThat(decision.path("decision").asString()).isEqualTo("reject");
            assertThat(decision.path("comment").asString()).isEqualTo("the bank already reversed the second charge");
        });
        assertThat(desk.refunds(taskId)).isEmpty();
        assertThat(desk.emails(taskId)).singleElement().satisfies(email -> {
            assertThat(email.path("to").asString()).isEqualTo(customer);
            assertThat(email.path("body").asString())
                    .contains("sorry")
                    .contains("the bank already reversed the second charge");
        });
    }

    @Test
    void rejectionWithoutAReasonIsRefusedAndChangesNothing() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest)).problem(400, "InvalidDecision");
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "   "))
                .problem(400, "InvalidDecision");

        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(desk.inbox("alice")).contains(approvalId);
        assertThat(SupportDesk.action(desk.task(taskId), "a2").path("decisions"))
                .isEmpty();

        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "not a duplicate"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }
}
