package dev.countersign.service.demo;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the demo shop's orders. */
final class Orders {

    /** What an order id may look like; issue_refund and lookup_order both require it. */
    static final String ORDER_ID_PATTERN = "[A-Za-z0-9-]{1,64}";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Order> find(String orderId) {
        return query(
                "SELECT order_id, customer, total, currency, status FROM orders WHERE order_id = :orderId", orderId);
    }

    /** The order, its row locked until the caller's transaction ends (H2 and PostgreSQL alike). */
    Optional<Order> findLocked(String orderId) {
        return query(
                "SELECT order_id, customer, total, currency, status FROM orders WHERE order_id = :orderId FOR UPDATE",
                orderId);
    }

    private Optional<Order> query(String sql, String orderId) {
        return jdbc.sql(sql)
                .param("orderId", orderId)
                .query((row, number) -> new Order(
                        row.getString("order_id"),
                        row.getString("customer"),
                        row.getBigDecimal("total"),
                        row.getString("currency"),
                        row.getString("status")))
                .optional();
    }
}
