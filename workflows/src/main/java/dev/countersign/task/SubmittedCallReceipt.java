package dev.countersign.task;

/** Where a submitted call went: its task and the action that tracks it there. */
public record SubmittedCallReceipt(String taskId, String actionId) {}
