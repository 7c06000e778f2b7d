package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Criterion 7: a decision carries the argsDigest its reviewer saw, so nobody approves arguments
 * that changed under them.
 */
class DecisionOnChangedArgumentsIsRefusedTest extends AcceptanceTest {

    @Test
    void approvalOfTheArgumentsBeforeAnEditIsStaleAndChangesNothing() {
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String oldDigest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, Object> edited = Map.of("orderId", "Z-5000", "amount", 4000, "currency", "USD");

        JsonNode edit = desk.decide("bob", approvalId, SupportDesk.edit(oldDigest, edited, "4000 is what was charged"))
                .ok(200);
        String newDigest = edit.path("argsDigest").asString();
        assertThat(newDigest).isNotBlank().isNotEqualTo(oldDigest);
        assertThat(edit.path("state").asString()).isEqualTo("PENDING");
        assertThat(edit.path("approvals").asInt()).isEqualTo(1);
        assertThat(edit.path("required").asInt()).isEqualTo(2);

        desk.decide("carol", approvalId, SupportDesk.decision("approve", oldDigest))
                .problem(409, "StaleArgsDigest");

        JsonNode unchanged =
                desk.as("carol").get("/api/approvals/" + approvalId).ok(200);
        assertThat(unchanged.path("argsDigest").asString()).isEqualTo(newDigest);
        assertThat(SupportDesk.amount(unchanged.path("args"))).isEqualByComparingTo("4000");
        assertThat(unchanged.path("approvals").asInt()).isEqualTo(1);
        assertThat(unchanged.path("approvers")).extracting(JsonNode::asString).containsExactly("bob");
        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(desk.refunds(taskId)).isEmpty();

        JsonNode approved = desk.decide("carol", approvalId, SupportDesk.decision("approve", newDigest))
                .ok(200);

        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("approvals").asInt()).isEqualTo(2);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("4000"));
    }
}
