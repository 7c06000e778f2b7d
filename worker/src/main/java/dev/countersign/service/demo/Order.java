package dev.countersign.service.demo;

import java.math.BigDecimal;

/** An order of the demo shop, as seeded in {@code demo/orders.sql}. */
record Order(String orderId, String customer, BigDecimal total, String currency, String status) {}
