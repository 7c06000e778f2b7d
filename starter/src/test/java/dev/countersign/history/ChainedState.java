package dev.countersign.history;

/** What {@link ChainedTaskWorkflow} carries into its next run; null in the first. */
public record ChainedState(int steps, String note) {}
