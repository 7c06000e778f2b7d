package dev.countersign.history;

import dev.countersign.agent.AgentActivities;
import dev.countersign.agent.AgentStep;
import dev.countersign.agent.Question;
import dev.countersign.agent.StepRequest;
import dev.countersign.agent.ToolCall;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.agent.TranscriptKind;
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
 * An agent, a policy and tools with fixed behaviour, for stories the recorded histories do not
 * tell. Input {@code {"story": "steer"}}: the agent asks which way to refund, then tries a charge
 * back that fails, then gives up. Any other input: the agent proposes a refund of 500, which the
 * policy holds for one support lead; a refund above 1000 is denied. Reviewers are always notified.
 */
final class ScriptedActivities implements AgentActivities, PolicyActivities, ToolActivities, NotificationActivities {

    static final String DENIED_ABOVE_1000 = "refunds above 1000 are never made by the agent";

    @Override
    public AgentStep nextStep(StepRequest request) {
        if (!"steer".equals(request.input().get("story"))) {
            return AgentStep.call(new ToolCall("issue_refund", Map.of("amount", 500), "asked to", 0.8, List.of()));
        }
        if (!seen(request, TranscriptKind.ANSWER)) {
            return AgentStep.ask(new Question("Refund to the card or as store credit?", List.of("card", "credit")));
        }
        if (!seen(request, TranscriptKind.TOOL_FAILED)) {
            return AgentStep.call(new ToolCall("charge_back", Map.of("orderId", "A-7"), "card chosen", 0.7, List.of()));
        }
        return AgentStep.finish("Could not charge the card back.");
    }

    private static boolean seen(StepRequest request, TranscriptKind kind) {
        return request.entries().stream().map(TranscriptEntry::kind).anyMatch(kind::equals);
    }

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
}
