package dev.countersign.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo policy with SLAs of seconds instead of hours (its own running service): an unanswered
 * $5,000 refund moves from finance to finance-managers and is rejected for lack of an answer after
 * the last SLA, and the task view says why.
 */
@TestPropertySource(
        properties = {
            "countersign.demo.finance-sla=PT3S",
            "countersign.demo.managers-sla=PT3S",
            "countersign.security.users.frank.password={noop}acceptance-secret"
        })
class UnansweredRefundEscalatesTest extends AcceptanceTest {

    @Test
    void unansweredLargeRefundEscalatesToManagersThenTimesOutAndSaysWhy() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);
        assertThat(desk.inbox("bob")).contains(approvalId);
        assertThat(desk.inbox("frank")).doesNotContain(approvalId);

        JsonNode escalated = desk.awaitTask(
                taskId,
                "escalated to finance-managers",
                task -> task.path("pendingApproval").path("groups").toString().contains("finance-managers"));
        assertThat(escalated.path("pendingApproval").path("required").asInt()).isEqualTo(1);
        assertThat(desk.inbox("frank")).contains(approvalId);
        assertThat(desk.inbox("bob")).doesNotContain(approvalId);

        JsonNode done = desk.awaitStatus(taskId, "COMPLETED");
        JsonNode refund = SupportDesk.action(done, "a2");
        assertThat(refund.path("state").asString()).isEqualTo("TIMED_OUT");
        assertThat(refund.path("decisions").findValuesAsString("decision")).containsExactly("escalate", "timeout");
        assertThat(refund.path("decisions").get(1).path("reviewer").isNull()).isTrue();
        assertThat(refund.path("decisions").get(1).path("comment").asString())
                .contains("nobody decided within PT3S")
                .contains("REJECT");
        assertThat(done.path("summary").asString()).contains("nobody decided on it in time");
        assertThat(desk.refunds(taskId)).isEmpty();
    }
}
