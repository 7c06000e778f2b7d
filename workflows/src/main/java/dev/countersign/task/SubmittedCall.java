package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * A tool call an agent running elsewhere submits to its external task, under the gate id that makes
 * a repeated submission the same call. Through the MCP gateway the task runs it once approved, when
 * the caller collects it within {@code consentTtl}; through the gate API ({@code agentRuns}) the agent
 * runs it itself once allowed and reports what it returned within {@code consentTtl}, and may give a
 * {@code callbackUrl} (absolute http or https) that is told of a rollback verdict on the call. Either
 * way an approval not used in time expires.
 */
public record SubmittedCall(
        String gateId, String requester, ToolCall call, Duration consentTtl, boolean agentRuns, String callbackUrl) {

    /** A call the task runs once approved and collected (the MCP gateway). */
    public SubmittedCall(String gateId, String requester, ToolCall call, Duration consentTtl) {
        this(gateId, requester, call, consentTtl, false, null);
    }

    /** A call the task runs ({@code agentRuns} false) or the agent runs, with no callback. */
    public SubmittedCall(String gateId, String requester, ToolCall call, Duration consentTtl, boolean agentRuns) {
        this(gateId, requester, call, consentTtl, agentRuns, null);
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
        if (callbackUrl != null && (!agentRuns || !isHttp(callbackUrl))) {
            throw new IllegalArgumentException(
                    "a callback url is an absolute http or https url, given only with a call the agent runs");
        }
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
