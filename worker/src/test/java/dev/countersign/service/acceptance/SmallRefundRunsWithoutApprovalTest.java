package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 1: the policy lets a refund of at most $10 run on its own. */
class SmallRefundRunsWithoutApprovalTest extends AcceptanceTest {

    @Test
    void fiveDollarRefundCompletesWithoutAnyApproval() {
        String taskId = desk.startRefund("A-1", "5", "USD");

        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");

        assertThat(task.path("pendingApprovalId").isNull()).isTrue();
        JsonNode refund = SupportDesk.action(task, "a2");
        assertThat(refund.path("tool").asString()).isEqualTo("issue_refund");
        assertThat(refund.path("verdict").asString()).isEqualTo("AUTO");
        assertThat(refund.path("rule").asString()).isEqualTo("small-refunds");
        assertThat(refund.path("state").asString()).isEqualTo("EXECUTED");
        assertThat(refund.path("decisions")).isEmpty();
        for (JsonNode action : task.path("actions")) {
            assertThat(action.path("verdict").asString())
                    .as("verdict of %s", action)
                    .isEqualTo("AUTO");
        }
        List<JsonNode> refunds = desk.refunds(taskId);
        assertThat(refunds).hasSize(1);
        assertThat(SupportDesk.amount(refunds.get(0))).isEqualByComparingTo(new BigDecimal("5"));
        assertThat(refunds.get(0).path("orderId").asString()).isEqualTo("A-1");
        assertThat(desk.emails(taskId)).hasSize(1);
    }

    @Test
    void smallRefundNeverReachesAnyInbox() {
        String taskId = desk.startRefund("A-2", "9.99", "USD");

        desk.awaitStatus(taskId, "COMPLETED");

        for (String reviewer : List.of("alice", "bob", "carol")) {
            assertThat(desk.inbox(reviewer)).noneMatch(id -> id.startsWith(taskId + "."));
        }
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("9.99"));
    }
}
