package dev.countersign.service.demo;

/** An email the demo put in its outbox, as the ledger shows it. */
public record LedgerEmail(String to, String subject, String body, String taskId) {}
