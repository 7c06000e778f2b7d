package dev.countersign.client;

/** The outcome of a start: the task's id and whether this call created it. */
public record StartedTask(String taskId, boolean created, String status) {}
