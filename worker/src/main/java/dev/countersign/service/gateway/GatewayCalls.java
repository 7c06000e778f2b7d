package dev.countersign.service.gateway;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecord;
import dev.countersign.tool.ToolInvocation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tools/call through the gateway: judged by the same policy activity as an agent's call (schema
 * check, normalized arguments, verdict); an AUTO call is run at once through the same tool activity
 * code, with an idempotency key; a DENY comes back as an error result with the policy's reason; a call
 * that needs approval goes through its gate ({@link GatedCalls}) and its answer says what became of it.
 * Each call is logged and counted ({@value #METER}, tagged with tool and outcome).
 */
final class GatewayCalls {

    static final String METER = "countersign.gateway.calls";
    /** What policy conditions read as {@code agent} for a call through the gateway. */
    static final String AGENT = "mcp-gateway";

    private static final Logger log = LoggerFactory.getLogger(GatewayCalls.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PolicyActivitiesImpl policy;
    private final ToolActivitiesImpl tools;
    private final GatedCalls gated;
    private final MeterRegistry meters;

    GatewayCalls(PolicyActivitiesImpl policy, ToolActivitiesImpl tools, GatedCalls gated, MeterRegistry meters) {
        this.policy = policy;
        this.tools = tools;
        this.gated = gated;
        this.meters = meters;
    }

    McpSchema.CallToolResult call(
            GatewayCaller caller, String tool, Map<String, Object> args, Consumer<ActionView> waiting) {
        String taskId = caller.taskId();
        String actionId = "call-" + UUID.randomUUID();
        ToolCall call = new ToolCall(tool, args, "", null, List.of());
        PolicyVerdict verdict =
                policy.evaluatePolicy(new PolicyRequest(taskId, AGENT, caller.requester(), Map.of(), call, actionId));
        Map<String, Object> judged = verdict.normalizedArgs() == null ? args : verdict.normalizedArgs();
        return switch (verdict.outcome()) {
            case DENY -> done(caller, tool, verdict, "denied", error(denial(verdict)));
            case AUTO -> run(caller, tool, verdict, taskId, actionId, judged);
            case APPROVE -> gated(caller, call.withArgs(judged), verdict, waiting);
        };
    }

    private McpSchema.CallToolResult run(
            GatewayCaller caller,
            String tool,
            PolicyVerdict verdict,
            String taskId,
            String actionId,
            Map<String, Object> judged) {
        ToolInvocation invocation = new ToolInvocation(
                taskId, actionId, tool, judged, verdict.argsDigest(), ToolInvocation.idempotencyKey(taskId, actionId));
        Map<String, Object> output;
        try {
            output = tools.executeTool(invocation).output();
        } catch (ApplicationFailure failed) {
            return done(
                    caller,
                    tool,
                    verdict,
                    "failed",
                    error("the call was allowed by the policy and failed: " + failed.getOriginalMessage()));
        }
        return done(caller, tool, verdict, "forwarded", success(output, null));
    }

    private McpSchema.CallToolResult gated(
            GatewayCaller caller, ToolCall call, PolicyVerdict verdict, Consumer<ActionView> waiting) {
        GatedCalls.Outcome outcome = gated.call(caller, call, verdict, waiting);
        ActionView action = outcome.action();
        if (action == null) {
            return done(
                    caller,
                    call.tool(),
                    verdict,
                    "refused",
                    error("this call needs approval, and it could not be held for reviewers: " + outcome.detail()
                            + "; nothing was sent"));
        }
        String approval = GatedCalls.approvalLink(caller, outcome.taskId(), action.actionId());
        McpSchema.CallToolResult result = switch (action.state()) {
            case EXECUTED -> success(action.result(), edited(action));
            case PENDING -> pending(action, approval, verdict);
            case AWAITING_COLLECTION ->
                error("approved, and running upstream now (" + approval
                        + "); call again with the same arguments to collect its result");
            case REJECTED -> error(decided(action, "rejected") + " Nothing was sent.");
            case CHANGES_REQUESTED -> error(decided(action, "asked for changes") + " Nothing was sent.");
            case TIMED_OUT ->
                error("nobody decided " + approval + " in time: "
                        + GatedCalls.lastDecision(action)
                                .map(DecisionRecord::comment)
                                .orElse("")
                        + ". Nothing was sent.");
            case DENIED ->
                error("refused (" + approval + "): " + (action.error() != null ? action.error() : action.reason())
                        + " Nothing was sent.");
            case FAILED -> error("approved and sent; the upstream call failed: " + action.error());
            case OUTCOME_UNKNOWN ->
                error("approved and sent, but the call's outcome is unknown (its worker"
                        + " stopped during the call, and the tool is not idempotent, so it is not sent again);"
                        + " an operator says whether it was done at " + approval);
            case EXPIRED ->
                error("approved, but not collected in time, and approved again neither (" + approval
                        + "); call again to ask anew");
            case CANCELLED -> error("the task holding this call was cancelled (" + approval + "); nothing was sent");
        };
        return done(caller, call.tool(), verdict, action.state().name().toLowerCase(Locale.ROOT), result);
    }

    private static McpSchema.CallToolResult pending(ActionView action, String approval, PolicyVerdict verdict) {
        Set<String> groups = new LinkedHashSet<>();
        verdict.tiers().stream().findFirst().map(ApprovalTier::groups).ifPresent(groups::addAll);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "PENDING");
        status.put("actionId", action.actionId());
        return McpSchema.CallToolResult.builder()
                .addTextContent("PENDING: this call waits for " + approval + " by " + groups + " (rule "
                        + verdict.rule() + "). Nothing was sent yet. Call this tool again with exactly the same"
                        + " arguments to collect the outcome once a reviewer decided.")
                .structuredContent(Map.of("countersign", status))
                .isError(true)
                .build();
    }

    private static String decided(ActionView action, String how) {
        return GatedCalls.lastDecision(action)
                .map(last -> (last.reviewer() == null ? "a reviewer" : last.reviewer()) + " " + how + ": "
                        + last.comment() + ".")
                .orElse("the call was " + how + ".");
    }

    /** What the result says when a reviewer edited the arguments before approving. */
    private static String edited(ActionView action) {
        return GatedCalls.edit(action)
                .map(edit -> "Countersign: " + edit.reviewer() + " edited the arguments before approving"
                        + (edit.comment().isBlank() ? "" : " (" + edit.comment() + ")") + "; the call ran with "
                        + JSON.writeValueAsString(action.args()))
                .orElse(null);
    }

    private McpSchema.CallToolResult done(
            GatewayCaller caller, String tool, PolicyVerdict verdict, String outcome, McpSchema.CallToolResult result) {
        log.info(
                "gateway call of {} by {}: verdict {} (rule {}), {}",
                tool,
                caller.requester(),
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

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .isError(true)
                .build();
    }

    private static McpSchema.CallToolResult success(Map<String, Object> output, String note) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder();
        Map<String, Object> out = output == null ? Map.of() : output;
        result.addTextContent(out.get("text") instanceof String text ? text : JSON.writeValueAsString(out));
        if (note != null) {
            result.addTextContent(note);
        }
        if (out.get("structuredContent") != null) {
            result.structuredContent(out.get("structuredContent"));
        }
        return result.isError(false).build();
    }
}
