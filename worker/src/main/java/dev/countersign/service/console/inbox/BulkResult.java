package dev.countersign.service.console.inbox;

import java.io.Serializable;

/**
 * What became of one approval in a bulk approval: recorded (with the state after it) or refused (why).
 * Serializable, because the inbox shows it after a redirect, from the session in the database.
 */
public record BulkResult(String approvalId, String tool, boolean recorded, String message) implements Serializable {}
