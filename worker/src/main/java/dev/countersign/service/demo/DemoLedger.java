package dev.countersign.service.demo;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads what the demo's tools wrote: refunds made and emails sent, in the order they happened. */
public final class DemoLedger {

    private final JdbcClient jdbc;

    public DemoLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LedgerSnapshot read() {
        return new LedgerSnapshot(refunds(), emails());
    }

    public List<LedgerRefund> refunds() {
        return jdbc.sql("SELECT order_id, amount, currency, task_id FROM refunds ORDER BY id")
                .query((row, number) -> new LedgerRefund(
                        row.getString("order_id"),
                        row.getBigDecimal("amount"),
                        row.getString("currency"),
                        row.getString("task_id")))
                .list();
    }

    public List<LedgerEmail> emails() {
        return jdbc.sql("SELECT recipient, subject, body, task_id FROM email_outbox ORDER BY id")
                .query((row, number) -> new LedgerEmail(
                        row.getString("recipient"),
                        row.getString("subject"),
                        row.getString("body"),
                        row.getString("task_id")))
                .list();
    }
}
