package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The shipped service puts the demo policy's SLA on a waiting $5,000 refund: finance has it, the
 * view says when it escalates, and finance-managers do not see it yet. That an unanswered refund
 * then escalates and times out is workflow time, tested with time skipping in the workflows module
 * ({@code EscalationTest}); this suite never waits for an SLA to pass.
 */
class LargeRefundSaysWhenItEscalatesTest extends AcceptanceTest {

    @Test
    void waitingLargeRefundEscalatesAfterFinancesSlaAndManagersDoNotSeeItYet() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        JsonNode pending = desk.awaitApproval(approvalId);

        assertThat(pending.path("tier").asString()).isEqualTo("finance");
        assertThat(Duration.between(instant(pending, "requestedAt"), instant(pending, "escalatesAt")))
                .as("countersign.demo.finance-sla, PT4H unless configured")
                .isEqualTo(Duration.ofHours(4));
        assertThat(desk.inbox("bob")).contains(approvalId);
        assertThat(desk.inbox("frank")).doesNotContain(approvalId);

        // Leave the shared service with no approval of ours pending.
        desk.decide(
                        "bob",
                        approvalId,
                        SupportDesk.decision(
                                "reject", pending.path("argsDigest").asString(), "test"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
    }

    private static Instant instant(JsonNode approval, String field) {
        return Instant.parse(approval.path(field).asString());
    }
}
