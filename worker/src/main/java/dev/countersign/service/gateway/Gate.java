package dev.countersign.service.gateway;

import java.time.Instant;

/**
 * One gated call in the gate index: the caller's call (requester, tool, argument digest, hashed into
 * {@code callKey}), the task and action that hold it, and when its outcome was first handed back.
 */
record Gate(
        String gateId,
        String callKey,
        String requester,
        String tool,
        String argsDigest,
        String taskId,
        String actionId,
        Instant createdAt,
        Instant collectedAt) {

    Gate withActionId(String newActionId) {
        return new Gate(gateId, callKey, requester, tool, argsDigest, taskId, newActionId, createdAt, collectedAt);
    }
}
