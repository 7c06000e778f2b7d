package dev.countersign.service.console.inbox;

/** What became of one approval in a bulk approval: recorded (with the state after it) or refused (why). */
public record BulkResult(String approvalId, String tool, boolean recorded, String message) {}
