package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.CompensationRequest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoCompensationsTest {

    private final DemoDatabase database = new DemoDatabase();
    private final IssueRefundTool refunds = new IssueRefundTool(database.schema());
    private final SendEmailTool emails = new SendEmailTool(database.jdbc());
    private final DemoLedger ledger = new DemoLedger(database.jdbc());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static CompensationRequest undo(
            String tool, String compensation, Map<String, Object> args, Map<String, Object> result) {
        return new CompensationRequest(
                "task-1", "a2", tool, compensation, args, result, CompensationRequest.idempotencyKey("task-1", "a2"));
    }

    @Test
    void reversedRefundLeavesItsNegativeForTheSameOrderOnce() {
        Map<String, Object> args = Map.of("orderId", "A-1", "amount", 250, "currency", "USD");
        Map<String, Object> refund =
                refunds.execute(DemoDatabase.invocation(IssueRefundTool.NAME, "task-1", "a2", args));
        CompensationRequest request = undo(IssueRefundTool.NAME, IssueRefundTool.REVERSAL, args, refund);

        Map<String, Object> first = reverse(request);
        Map<String, Object> again = reverse(request);

        assertThat(again).isEqualTo(first);
        assertThat(first).containsEntry("reverses", refund.get("refundId"));
        assertThat(ledger.refunds()).extracting(LedgerRefund::orderId).containsExactly("A-1", "A-1");
        assertThat(ledger.refunds())
                .extracting(LedgerRefund::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("250"), new BigDecimal("-250"));
    }

    @Test
    void reversingARefundThatWasNeverMadeFailsWithoutRetries() {
        CompensationRequest request =
                undo(IssueRefundTool.NAME, IssueRefundTool.REVERSAL, Map.of("orderId", "A-1", "amount", 5), Map.of());

        assertThatThrownBy(() -> reverse(request)).isInstanceOfSatisfying(ToolException.class, failure -> {
            assertThat(failure.type()).isEqualTo(IssueRefundTool.NOTHING_TO_REVERSE);
            assertThat(failure.retryable()).isFalse();
        });
        assertThat(database.count("refunds")).isZero();
    }

    @Test
    void emailIsCorrectedOnceToTheSameRecipient() {
        Map<String, Object> args =
                Map.of("to", "ann@example.com", "subject", "Your refund", "body", "We refunded $250.");
        Map<String, Object> sent = emails.execute(DemoDatabase.invocation(SendEmailTool.NAME, "task-1", "a2", args));
        CompensationRequest request = undo(SendEmailTool.NAME, SendEmailTool.CORRECTION, args, sent);

        Map<String, Object> first = correct(request);
        Map<String, Object> again = correct(request);

        assertThat(again).isEqualTo(first).containsEntry("corrects", sent.get("emailId"));
        assertThat(ledger.emails()).hasSize(2);
        LedgerEmail correction = ledger.emails().get(1);
        assertThat(correction.to()).isEqualTo("ann@example.com");
        assertThat(correction.subject()).isEqualTo("Correction: Your refund");
        assertThat(correction.body()).contains("Please disregard our previous email");
    }

    private Map<String, Object> reverse(CompensationRequest request) {
        return refunds.compensation().run(request);
    }

    private Map<String, Object> correct(CompensationRequest request) {
        return emails.compensation().run(request);
    }
}
