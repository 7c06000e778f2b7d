package dev.countersign.task;

/**
 * The caller of a submitted call is back for its outcome: an approved call waiting for collection
 * runs now; for any other state it changes nothing.
 */
public record CollectRequest(String actionId, String requester) {}
