package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.CompensationRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/**
 * Refunds of one order never add up to more than the order's total, whether they come one after
 * another, at the same moment, or after a reversal gave some back. Order A-2 was paid 89.90 USD.
 */
class IssueRefundToolBalanceTest {

    private final DemoDatabase database = new DemoDatabase();
    private final IssueRefundTool tool = new IssueRefundTool(database.schema());
    private final DemoLedger ledger = new DemoLedger(database.jdbc());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private Map<String, Object> refund(String taskId, Object amount) {
        return tool.execute(DemoDatabase.invocation(
                IssueRefundTool.NAME, taskId, "a2", Map.of("orderId", "A-2", "amount", amount, "currency", "USD")));
    }

    @Test
    void ofTwelveTenDollarRefundsTheNinthIsRefusedAndSoAreTheRest() {
        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            try {
                refund("task-" + i, 10);
                outcomes.add("refunded");
            } catch (ToolException refused) {
                assertThat(refused.type()).isEqualTo(IssueRefundTool.EXCEEDS_REFUNDABLE);
                assertThat(refused.retryable()).isFalse();
                outcomes.add(refused.getMessage());
            }
        }

        assertThat(outcomes.subList(0, 8)).containsOnly("refunded");
        assertThat(outcomes.get(8))
                .isEqualTo("Refund refused: 80 USD of the 89.90 USD paid for order A-2 has been refunded"
                        + " already, so at most 9.90 USD more can be refunded, not 10 USD.");
        assertThat(outcomes.subList(9, 12))
                .allSatisfy(outcome -> assertThat(outcome).startsWith("Refund refused: "));
        assertThat(refundedForA2()).isEqualByComparingTo("80");
    }

    @Test
    void theLastCentsCanStillBeRefundedAndThenNothingMore() {
        refund("task-1", 80);
        refund("task-2", 9.90);

        assertThatThrownBy(() -> refund("task-3", 0.01))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        refused -> assertThat(refused.getMessage())
                                .contains("so nothing more can be refunded, not 0.01 USD"));
        assertThat(refundedForA2()).isEqualByComparingTo("89.90");
    }

    @Test
    void aReversalGivesItsAmountBackToTheBalance() {
        Map<String, Object> args = Map.of("orderId", "A-2", "amount", 80, "currency", "USD");
        Map<String, Object> made = refund("task-1", 80);
        assertThatThrownBy(() -> refund("task-2", 20)).isInstanceOf(ToolException.class);

        tool.compensation()
                .run(new CompensationRequest(
                        "task-1",
                        "a2",
                        IssueRefundTool.NAME,
                        IssueRefundTool.REVERSAL,
                        args,
                        made,
                        CompensationRequest.idempotencyKey("task-1", "a2")));

        assertThat(refund("task-3", 89.90)).containsEntry("orderId", "A-2");
        assertThat(refundedForA2()).isEqualByComparingTo("89.90");
    }

    @Test
    void aRetryOfARefundThatFilledTheBalanceGetsItsRefundNotARefusal() {
        Map<String, Object> first = refund("task-1", 89.90);

        Map<String, Object> retry = refund("task-1", 89.90);

        assertThat(retry).isEqualTo(first);
        assertThat(ledger.refunds()).hasSize(1);
    }

    /**
     * Refund 1 is written but not committed; refund 2, from another connection, must wait for the
     * order's row instead of reading a balance without refund 1. Here it may wait 50 ms and then
     * fails; a check-then-write would have read 0 refunded and written a second 50.
     */
    @Test
    void aRefundOfAnOrderWaitsForAnotherOneInFlightInsteadOfMissingIt() {
        IssueRefundTool otherReplica = new IssueRefundTool(database.secondClient(50));
        Map<String, Object> args = Map.of("orderId", "A-2", "amount", 50, "currency", "USD");

        database.schema().transactions().executeWithoutResult(inFlight -> {
            refund("task-1", 50);
            assertThatThrownBy(() ->
                            otherReplica.execute(DemoDatabase.invocation(IssueRefundTool.NAME, "task-2", "a2", args)))
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("Timeout trying to lock");
        });

        assertThat(refundedForA2()).isEqualByComparingTo("50");
        assertThatThrownBy(
                        () -> otherReplica.execute(DemoDatabase.invocation(IssueRefundTool.NAME, "task-2", "a2", args)))
                .isInstanceOfSatisfying(
                        ToolException.class,
                        refused -> assertThat(refused.type()).isEqualTo(IssueRefundTool.EXCEEDS_REFUNDABLE));
    }

    private BigDecimal refundedForA2() {
        return ledger.refunds().stream()
                .filter(refund -> refund.orderId().equals("A-2"))
                .map(LedgerRefund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
