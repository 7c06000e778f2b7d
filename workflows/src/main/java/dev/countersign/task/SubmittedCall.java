package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import java.time.Duration;

/**
 * A tool call an agent running elsewhere submits to its external task, under the gate id that makes
 * a repeated submission the same call. Through the MCP gateway the task runs it once approved, when
 * the caller collects it within {@code consentTtl}; through the gate API ({@code agentRuns}) the agent
 * runs it itself once allowed and reports what it returned within {@code consentTtl}. Either way an
 * approval not used in time expires.
 */
public record SubmittedCall(String gateId, String requester, ToolCall call, Duration consentTtl, boolean agentRuns) {

    /** A call the task runs once approved and collected (the MCP gateway). */
    public SubmittedCall(String gateId, String requester, ToolCall call, Duration consentTtl) {
        this(gateId, requester, call, consentTtl, false);
    }

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
