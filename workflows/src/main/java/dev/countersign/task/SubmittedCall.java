package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import java.time.Duration;

/**
 * A tool call an agent running elsewhere submits to its external task (through the MCP gateway),
 * under the gate id that makes a repeated submission the same call; once approved, it runs only when
 * the caller collects it within {@code consentTtl}, and otherwise expires.
 */
public record SubmittedCall(String gateId, String requester, ToolCall call, Duration consentTtl) {

    public SubmittedCall {
        if (gateId == null || gateId.isBlank()) {
            throw new IllegalArgumentException("a submitted call needs a gate id");
        }
        if (requester == null || requester.isBlank()) {
            throw new IllegalArgumentException("a submitted call needs its authenticated requester");
        }
        if (call == null) {
            throw new IllegalArgumentException("a submitted call needs the call");
        }
        if (consentTtl == null || consentTtl.isNegative() || consentTtl.isZero()) {
            throw new IllegalArgumentException("a submitted call needs a positive consent lifetime");
        }
    }
}
