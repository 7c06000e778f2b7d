package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.payload.PayloadBounds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tool that returns 3 MB used to wedge its task for good, and with it every listing that read
 * it. Now its result is kept truncated with a marker, and the task and the listings go on.
 */
class HugeToolResultLeavesTheServiceWorkingTest extends AcceptanceTest {

    @Test
    void aThreeMegabyteToolResultIsTruncatedVisiblyAndTheTaskAndListingsGoOn() {
        String taskId = desk.startRefund(HugeResultTool.ORDER, "5", "USD");

        JsonNode task = desk.awaitTask(
                taskId, "its end", t -> t.path("status").asString().equals("COMPLETED"));

        JsonNode lookup = SupportDesk.action(task, "a1");
        assertThat(lookup.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(lookup.path("result").path("truncated").asBoolean()).isTrue();
        assertThat(lookup.path("result").path("originalBytes").asLong()).isGreaterThan(3_000_000L);
        assertThat(lookup.path("result").path("preview").asString()).startsWith("{\"orderId\":\"HUGE-3MB\"");
        assertThat(task.path("actions").size())
                .as("the agent went on after the lookup")
                .isGreaterThan(1);
        assertThat(task.toString().length()).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);

        assertThat(desk.as("dave").get("/api/tasks").ok(200))
                .anySatisfy(
                        listed -> assertThat(listed.path("taskId").asString()).isEqualTo(taskId));
        desk.as("alice").get("/api/approvals").ok(200);
        desk.as("alice").get("/api/reviews").ok(200);
        desk.as("olga").get("/api/policy/stats").ok(200);
        assertThat(desk.as("dave").get("/api/tasks/" + taskId + "/history").ok(200))
                .isNotNull();
    }

    @Test
    void anOversizedCommentIsRefusedWith413BeforeItReachesTheTask() {
        String taskId = desk.startRefund("A-1", "150", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);

        Reply refused = desk.decide(
                "alice",
                approvalId,
                SupportDesk.decision("request_changes", null, "x".repeat(PayloadBounds.MAX_VALUE_BYTES + 1)));

        // The facade refuses it (PayloadTooLarge); a request-body cap at the door may refuse it first.
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
    }
}
