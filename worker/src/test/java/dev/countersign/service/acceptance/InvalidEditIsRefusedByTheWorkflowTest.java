package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Edited arguments that the tool's schema refuses are refused by the task itself (its policy check of
 * the edit), with the same problem a client always got: 400 InvalidDecision naming every violation,
 * and the pending approval exactly as it was. Arguments too large for the API never reach the task.
 */
class InvalidEditIsRefusedByTheWorkflowTest extends AcceptanceTest {

    @Test
    void anEditThatBreaksTheToolsSchemaIsABadRequestNamingWhatIsWrong() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        assertThat(refusedEdit(approvalId, digest, refund("A-1", 100, "USD", "note", "goodwill")))
                .startsWith("invalid arguments: ")
                .contains("'note' is not an argument of this tool");
        assertThat(refusedEdit(approvalId, digest, refund("A-1", "lots", "USD", null, null)))
                .contains("'amount' must be a number");
        assertThat(refusedEdit(approvalId, digest, refund("A-1", 100, "usd", null, null)))
                .contains("'currency' must match");
        Map<String, Object> incomplete = new LinkedHashMap<>(Map.of("orderId", "A-1", "amount", 100));
        assertThat(refusedEdit(approvalId, digest, incomplete)).contains("'currency' is required");

        JsonNode pending = desk.as("alice").get("/api/approvals/" + approvalId).ok(200);
        assertThat(pending.path("argsDigest").asString()).isEqualTo(digest);
        assertThat(SupportDesk.amount(pending.path("args"))).isEqualByComparingTo("250");
        assertThat(pending.path("approvals").asInt()).isZero();
        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    @Test
    void editedArgumentsTooLargeForTheApiAreRefusedBeforeTheTask() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide(
                        "alice",
                        approvalId,
                        SupportDesk.edit(digest, refund("A-1", 100, "USD", "note", "x".repeat(70_000)), "x"))
                .problem(400, "FieldTooLong");

        assertThat(desk.as("alice")
                        .get("/api/approvals/" + approvalId)
                        .ok(200)
                        .path("argsDigest")
                        .asString())
                .isEqualTo(digest);
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    private String refusedEdit(String approvalId, String digest, Map<String, Object> args) {
        return desk.decide("alice", approvalId, SupportDesk.edit(digest, args, "corrected"))
                .problem(400, "InvalidDecision")
                .path("detail")
                .asString();
    }

    private static Map<String, Object> refund(
            String orderId, Object amount, String currency, String extraName, Object extraValue) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("orderId", orderId);
        args.put("amount", amount);
        args.put("currency", currency);
        if (extraName != null) {
            args.put(extraName, extraValue);
        }
        return args;
    }
}
