package dev.countersign.review;

/** The synchronous answer to a review, a retry or a resolution: the action's review and compensation after it. */
public record ReviewResult(String taskId, String actionId, ActionReview review, CompensationRecord compensation) {}
