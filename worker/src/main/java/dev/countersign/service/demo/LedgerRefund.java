package dev.countersign.service.demo;

import java.math.BigDecimal;

/** A refund the demo made, as the ledger shows it. */
public record LedgerRefund(String orderId, BigDecimal amount, String currency, String taskId) {}
