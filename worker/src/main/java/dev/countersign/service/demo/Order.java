package dev.countersign.service.demo;

import java.math.BigDecimal;

/** An order of the demo shop, as seeded in {@code db/demo/V2__demo_orders.sql}. */
record Order(String orderId, String customer, BigDecimal total, String currency, String status) {}
