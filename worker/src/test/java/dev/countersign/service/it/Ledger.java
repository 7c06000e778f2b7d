package dev.countersign.service.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** The demo ledger as GET /api/demo/ledger shows it: the refunds made and the emails sent. */
record Ledger(List<Refund> refunds, List<String> emailTaskIds) {

    record Refund(String taskId, String orderId, BigDecimal amount, String currency) {}

    static Ledger of(JsonNode json) {
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode row : json.path("refunds")) {
            refunds.add(new Refund(
                    row.path("taskId").asString(),
                    row.path("orderId").asString(),
                    row.path("amount").decimalValue(),
                    row.path("currency").asString()));
        }
        List<String> emails = new ArrayList<>();
        for (JsonNode row : json.path("emails")) {
            emails.add(row.path("taskId").asString());
        }
        return new Ledger(refunds, emails);
    }

    Map<String, List<Refund>> refundsByTask() {
        return refunds.stream().collect(Collectors.groupingBy(Refund::taskId));
    }

    Map<String, Long> emailsByTask() {
        return emailTaskIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /**
     * Idempotency keys that occur on more than one refund row, read from the database itself (the
     * API does not show keys). Joins the workers' H2 file through its AUTO_SERVER, so call it while
     * a worker runs.
     */
    static int duplicateIdempotencyKeys(String jdbcUrl) {
        String sql = "SELECT COUNT(*) FROM (SELECT idempotency_key FROM refunds"
                + " GROUP BY idempotency_key HAVING COUNT(*) > 1)";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger database " + jdbcUrl, e);
        }
    }
}
