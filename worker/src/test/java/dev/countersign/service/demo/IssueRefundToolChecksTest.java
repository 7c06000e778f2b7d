package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What issue_refund refuses, and that a refusal writes nothing and is not retried. */
class IssueRefundToolChecksTest {

    private final DemoDatabase database = new DemoDatabase();
    private final IssueRefundTool tool = new IssueRefundTool(database.schema());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aRefundAboveTheTotalOfASeededOrderFailsWithoutRetry() {
        assertRefused(refund("A-1", 250.01, "USD"), IssueRefundTool.EXCEEDS_ORDER_TOTAL, "more than the order total");
    }

    @Test
    void aRefundInAnotherCurrencyThanASeededOrderFailsWithoutRetry() {
        assertRefused(refund("A-1", 20, "EUR"), IssueRefundTool.CURRENCY_MISMATCH, "paid in USD");
    }

    @Test
    void aRefundWithMoreThanTwoDecimalsFailsRatherThanBeingRounded() {
        assertRefused(refund("A-1", 10.005, "USD"), IssueRefundTool.INVALID_AMOUNT, "two decimals");
    }

    @Test
    void argumentsOutsideTheSchemaAreRefusedBeforeAnythingIsWritten() {
        assertRefused(refund("A 1; drop", -3, "usd"), ToolArgs.INVALID_ARGUMENTS, "'amount' must be at least 0.01");
    }

    @Test
    void theFullTotalOfASeededOrderCanBeRefunded() {
        assertThat((BigDecimal) tool.execute(refund("A-1", 250, "USD")).get("amount"))
                .isEqualByComparingTo("250");
    }

    @Test
    void anOrderTheShopDoesNotKnowIsRefundedAsAsked() {
        Map<String, Object> result = tool.execute(refund("Z-999", 5000, "JPY"));

        assertThat(result).containsEntry("orderId", "Z-999").containsEntry("currency", "JPY");
        assertThat(database.count("refunds")).isEqualTo(1);
    }

    @Test
    void declaresItsSchemaAndTags() {
        assertThat(tool.name()).isEqualTo("issue_refund");
        assertThat(tool.schema().required()).containsExactly("orderId", "amount", "currency");
        assertThat(tool.schema().properties().get("amount").maximum()).isEqualByComparingTo("1000000");
        assertThat(tool.tags()).containsExactly("financial");
    }

    private void assertRefused(ToolInvocation invocation, String type, String message) {
        assertThatThrownBy(() -> tool.execute(invocation)).isInstanceOfSatisfying(ToolException.class, refusal -> {
            assertThat(refusal.type()).isEqualTo(type);
            assertThat(refusal.retryable()).isFalse();
            assertThat(refusal.getMessage()).contains(message);
        });
        assertThat(database.count("refunds")).isZero();
    }

    private static ToolInvocation refund(String orderId, Object amount, String currency) {
        return DemoDatabase.invocation(
                "issue_refund", "task-1", "a1", Map.of("orderId", orderId, "amount", amount, "currency", currency));
    }
}
