package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 5: a reviewer's edit replaces the arguments, and the edited call is what runs. */
class EditedRefundRunsWithTheEditedArgumentsTest extends AcceptanceTest {

    @Test
    void supportLeadEditsTheRefundDownTo200() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, Object> edited = Map.of("orderId", "A-1", "amount", 200, "currency", "USD");

        JsonNode decided = desk.decide("alice", approvalId, SupportDesk.edit(digest, edited, "only the second item"))
                .ok(200);

        assertThat(decided.path("state").asString()).isEqualTo("APPROVED");
        assertThat(decided.path("argsDigest").asString()).isNotEqualTo(digest);
        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");
        JsonNode refund = SupportDesk.action(task, "a2");
        assertThat(refund.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(SupportDesk.amount(refund.path("args"))).isEqualByComparingTo("200");
        assertThat(refund.path("decisions")).singleElement().satisfies(decision -> {
            assertThat(decision.path("reviewer").asString()).isEqualTo("alice");
            assertThat(decision.path("decision").asString()).isEqualTo("edit");
            assertThat(SupportDesk.amount(decision.path("args"))).isEqualByComparingTo("200");
        });
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("200"));
        assertThat(desk.emails(taskId))
                .singleElement()
                .satisfies(email -> assertThat(email.path("body").asString()).contains("200"));
    }

    @Test
    void editBeyondTheSupportLeadsAuthorityWaitsForFinance() {
        String taskId = desk.startRefund("Z-250", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();
        Map<String, Object> edited = Map.of("orderId", "Z-250", "amount", 2000, "currency", "USD");

        JsonNode decided = desk.decide("alice", approvalId, SupportDesk.edit(digest, edited, "both charges"))
                .ok(200);

        assertThat(decided.path("state").asString()).isEqualTo("PENDING");
        assertThat(decided.path("approvals").asInt()).isZero();
        assertThat(decided.path("required").asInt()).isEqualTo(2);
        String newDigest = decided.path("argsDigest").asString();
        JsonNode pending = desk.as("bob").get("/api/approvals/" + approvalId).ok(200);
        assertThat(pending.path("rule").asString()).isEqualTo("large-refunds");
        assertThat(pending.path("groups")).extracting(JsonNode::asString).containsExactly("finance");
        assertThat(desk.inbox("alice")).doesNotContain(approvalId);
        assertThat(desk.inbox("bob")).contains(approvalId);
        assertThat(desk.refunds(taskId)).isEmpty();

        desk.decide("bob", approvalId, SupportDesk.decision("approve", newDigest))
                .ok(200);
        desk.decide("carol", approvalId, SupportDesk.decision("approve", newDigest))
                .ok(200);

        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("2000"));
    }
}
