package dev.countersign.service.api;

/** The answer to a termination: the task, its status now, and who terminated it and why. */
public record TaskTerminated(String taskId, String status, String terminatedBy, String reason) {}
