package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoLedgerTest {

    private final DemoDatabase database = new DemoDatabase();
    private final DemoLedger ledger = new DemoLedger(database.jdbc());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anEmptyLedgerHasNoRefundsAndNoEmails() {
        assertThat(ledger.read()).isEqualTo(new LedgerSnapshot(java.util.List.of(), java.util.List.of()));
    }

    @Test
    void readsBackWhatTheToolsWroteInTheOrderTheyWroteIt() {
        IssueRefundTool refunds = new IssueRefundTool(database.schema());
        SendEmailTool emails = new SendEmailTool(database.jdbc());
        refunds.execute(DemoDatabase.invocation(
                "issue_refund", "task-2", "a1", Map.of("orderId", "B-7", "amount", 99.5, "currency", "EUR")));
        refunds.execute(DemoDatabase.invocation(
                "issue_refund", "task-1", "a1", Map.of("orderId", "A-1", "amount", 200, "currency", "USD")));
        emails.execute(DemoDatabase.invocation(
                "send_email", "task-2", "a2", Map.of("to", "dana.berg@example.com", "subject", "Hi", "body", "Done.")));

        LedgerSnapshot snapshot = ledger.read();

        assertThat(snapshot.refunds())
                .extracting(LedgerRefund::orderId, LedgerRefund::currency, LedgerRefund::taskId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("B-7", "EUR", "task-2"),
                        org.assertj.core.groups.Tuple.tuple("A-1", "USD", "task-1"));
        assertThat(snapshot.refunds().get(0).amount()).isEqualByComparingTo(new BigDecimal("99.50"));
        assertThat(snapshot.emails())
                .containsExactly(new LedgerEmail("dana.berg@example.com", "Hi", "Done.", "task-2"));
    }
}
