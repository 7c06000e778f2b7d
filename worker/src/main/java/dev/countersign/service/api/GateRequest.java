package dev.countersign.service.api;

import java.util.Map;

/**
 * A gate asked for through {@code POST /api/gates}: the tool the agent means to run itself, its
 * arguments and why, and how sure the agent is (0 to 1, as policy conditions read {@code confidence});
 * optionally the task it belongs to (else the gate is its own task), the agent's name as policy
 * conditions read it, and where to be told of a rollback verdict.
 */
record GateRequest(
        String tool,
        Map<String, Object> args,
        String rationale,
        Double confidence,
        String taskId,
        String agent,
        String callbackUrl) {}
