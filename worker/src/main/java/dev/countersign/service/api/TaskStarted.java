package dev.countersign.service.api;

/** The answer to POST /api/tasks, the same for the first start and for a repeated one. */
public record TaskStarted(String taskId, String status) {}
