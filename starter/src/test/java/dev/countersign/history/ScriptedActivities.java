package dev.countersign.history;

import dev.countersign.agent.ToolCall;
import dev.countersign.notify.AgentCallback;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.tool.CompensationRequest;
import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;

/**
 * A policy and tools with fixed behaviour, for the stories of {@link ScriptedAgent}: a refund of
 * 500 is held for one support lead; a refund above 1000 is denied; a charge back fails. Reviewers
 * are always notified.
 */
final class ScriptedActivities implements PolicyActivities, ToolActivities, NotificationActivities {

    static final String DENIED_ABOVE_1000 = "refunds above 1000 are never made by the agent";

    @Override
    public PolicyVerdict evaluatePolicy(PolicyRequest request) {
        ToolCall call = request.call();
        String digest = "digest-" + call.tool() + call.args();
        if (!call.tool().equals("issue_refund")) {
            return new PolicyVerdict(Outcome.AUTO, "everything-else", "hash-1", null, List.of(), digest, false);
        }
        if (((Number) call.args().get("amount")).doubleValue() > 1000) {
            return new PolicyVerdict(
                    Outcome.DENY, "huge-refunds", "hash-1", DENIED_ABOVE_1000, List.of(), digest, false);
        }
        return new PolicyVerdict(
                Outcome.APPROVE,
                "refunds",
                "hash-1",
                null,
                List.of(new ApprovalTier("leads", List.of("support-leads"), 1, null)),
                digest,
                false);
    }

    @Override
    public ToolResult executeTool(ToolInvocation invocation) {
        if (invocation.tool().equals("charge_back")) {
            throw ApplicationFailure.newNonRetryableFailure("the card processor is unavailable", "ChargeBackFailed");
        }
        return new ToolResult(Map.of("refunded", invocation.args().get("amount")));
    }

    @Override
    public ToolResult compensate(CompensationRequest request) {
        return new ToolResult(Map.of("reversed", request.args().getOrDefault("amount", 0)));
    }

    @Override
    public NotificationReceipt notifyReviewers(ReviewerNotification notification) {
        return new NotificationReceipt(List.of("log"), List.of());
    }

    @Override
    public NotificationReceipt notifyAgent(AgentCallback callback) {
        return new NotificationReceipt(List.of("log"), List.of());
    }
}
