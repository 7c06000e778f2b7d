package dev.countersign.service.gateway;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.tool.ToolInvocation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tools/call through the gateway: judged by the same policy activity as an agent's call (schema
 * check, normalized arguments, verdict); an AUTO call is run at once through the same tool activity
 * code, with an idempotency key; a DENY comes back as an error result with the policy's reason; a call
 * that needs approval fails closed, since approvals through the gateway are not built yet. Each call is
 * logged and counted ({@value #METER}, tagged with tool and outcome).
 */
final class GatewayCalls {

    static final String METER = "countersign.gateway.calls";
    /** What policy conditions read as {@code agent} for a call through the gateway. */
    static final String AGENT = "mcp-gateway";

    private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PolicyActivitiesImpl policy;
    private final ToolActivitiesImpl tools;
    private final MeterRegistry meters;

    GatewayCalls(PolicyActivitiesImpl policy, ToolActivitiesImpl tools, MeterRegistry meters) {
        this.policy = policy;
        this.tools = tools;
        this.meters = meters;
    }

    McpSchema.CallToolResult call(String requester, String session, String tool, Map<String, Object> args) {
        String taskId = "mcp-" + (session == null ? "stateless" : session);
        String actionId = "call-" + UUID.randomUUID();
        PolicyVerdict verdict = policy.evaluatePolicy(new PolicyRequest(
                taskId, AGENT, requester, Map.of(), new ToolCall(tool, args, "", null, List.of()), actionId));
        return switch (verdict.outcome()) {
            case DENY -> done(requester, tool, verdict, "denied", error(denial(verdict)));
            case APPROVE -> done(requester, tool, verdict, "needs-approval", error(needsApproval(verdict)));
            case AUTO -> run(requester, tool, verdict, taskId, actionId, args);
        };
    }

    private McpSchema.CallToolResult run(
            String requester,
            String tool,
            PolicyVerdict verdict,
            String taskId,
            String actionId,
            Map<String, Object> args) {
        Map<String, Object> judged = verdict.normalizedArgs() == null ? args : verdict.normalizedArgs();
        ToolInvocation invocation = new ToolInvocation(
                taskId, actionId, tool, judged, verdict.argsDigest(), ToolInvocation.idempotencyKey(taskId, actionId));
        Map<String, Object> output;
        try {
            output = tools.executeTool(invocation).output();
        } catch (ApplicationFailure failed) {
            return done(
                    requester,
                    tool,
                    verdict,
                    "failed",
                    error("the call was allowed by the policy and failed: " + failed.getOriginalMessage()));
        }
        return done(requester, tool, verdict, "forwarded", success(output));
    }

    private McpSchema.CallToolResult done(
            String requester, String tool, PolicyVerdict verdict, String outcome, McpSchema.CallToolResult result) {
        log.info(
                "gateway call of {} by {}: verdict {} (rule {}), {}",
                tool,
                requester,
                verdict.outcome(),
                verdict.rule(),
                outcome);
        Counter.builder(METER)
                .description("Tool calls through the MCP gateway, by tool and outcome")
                .tag("tool", tool)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        return result;
    }

    private static String denial(PolicyVerdict verdict) {
        return "denied by the policy" + (verdict.rule() == null ? "" : " (rule " + verdict.rule() + ")") + ": "
                + verdict.reason() + "; nothing was sent";
    }

    private static String needsApproval(PolicyVerdict verdict) {
        Set<String> groups = new LinkedHashSet<>();
        verdict.tiers().stream().findFirst().map(ApprovalTier::groups).ifPresent(groups::addAll);
        return "this call needs approval by " + groups + " (rule " + verdict.rule()
                + "); approvals through the gateway are not available in this version: nothing was sent";
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .isError(true)
                .build();
    }

    private static McpSchema.CallToolResult success(Map<String, Object> output) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder();
        result.addTextContent(output.get("text") instanceof String text ? text : JSON.writeValueAsString(output));
        if (output.get("structuredContent") != null) {
            result.structuredContent(output.get("structuredContent"));
        }
        return result.isError(false).build();
    }
}
