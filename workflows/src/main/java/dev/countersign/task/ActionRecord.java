package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import dev.countersign.payload.Carried;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workflow's mutable record of one proposed tool call, part of the carried {@link TaskState};
 * rendered as an {@link ActionView}.
 */
@Carried
final class ActionRecord {

    String actionId;
    Instant proposedAt;
    ToolCall call;
    PolicyVerdict verdict;
    ActionState state = ActionState.PENDING;
    Map<String, Object> result;
    String error;
    List<DecisionRecord> decisions = new ArrayList<>();
    List<NotificationRecord> notifications = new ArrayList<>();
    ActionReview review = ActionReview.NONE;
    /** The compensating action the tool declared when it ran; null when it cannot be rolled back. */
    String compensationName;

    CompensationRecord compensation;
    int compensationRuns;

    /** The gate of a call submitted from outside (the MCP gateway); null for an agent's own call. */
    String gateId;
    /** How long an approval of a submitted call waits for its caller to collect it. */
    Duration consentTtl;
    /** When the approval of a submitted call expires, once approved. */
    Instant consentExpiresAt;
    /** The caller came back for the approved call. */
    boolean collectRequested;
    /** The agent runs the submitted call itself once allowed, and reports its outcome (the gate API). */
    boolean agentRuns;
    /** Where the agent of such a call is told of a rollback verdict on it; null when it gave none. */
    String callbackUrl;

    private ActionRecord() {}

    ActionRecord(String actionId, ToolCall call, Instant proposedAt) {
        this.actionId = actionId;
        this.call = call;
        this.proposedAt = proposedAt;
    }

    /** The number in this action's id: actions are ordered by it. */
    long number() {
        return ActionIds.number(actionId);
    }

    /**
     * An archived action back in the state, for a rollback of it: what its view kept. Its verdict
     * keeps the outcome, rule, policy hash, digest and the groups of its tiers (as one tier).
     */
    static ActionRecord restored(ActionView view, String compensationName) {
        ActionRecord action = new ActionRecord(
                view.actionId(),
                new ToolCall(view.tool(), view.args(), view.rationale(), view.confidence(), List.of()),
                view.proposedAt());
        action.verdict = new PolicyVerdict(
                        view.verdict(),
                        view.rule(),
                        view.policyHash(),
                        view.reason(),
                        view.reviewerGroups().isEmpty()
                                ? List.of()
                                : List.of(new ApprovalTier("archived", view.reviewerGroups(), 1, null)),
                        view.argsDigest(),
                        false)
                .with(null, view.shadow());
        action.state = view.state();
        action.result = view.result();
        action.error = view.error();
        action.decisions.addAll(view.decisions());
        action.notifications.addAll(view.notifications());
        action.review = view.review();
        action.compensation = view.compensation();
        action.compensationName = compensationName;
        action.compensationRuns =
                view.compensation() == null ? 0 : view.compensation().runs();
        return action;
    }

    ActionView view() {
        return new ActionView(
                actionId,
                call.tool(),
                call.args(),
                verdict == null ? null : verdict.argsDigest(),
                call.rationale(),
                call.confidence(),
                verdict == null ? null : verdict.outcome(),
                verdict == null ? null : verdict.rule(),
                verdict == null ? null : verdict.policyHash(),
                verdict == null || verdict.outcome() != Outcome.DENY ? null : verdict.reason(),
                state,
                result,
                error,
                decisions,
                notifications,
                proposedAt,
                verdict == null ? null : verdict.shadow(),
                review,
                compensation,
                compensationName != null,
                reviewerGroups());
    }

    /**
     * The groups of every tier the verdict named, in order, each once; empty unless it asked for
     * approval. Besides operators, they may review the action after it ran.
     */
    List<String> reviewerGroups() {
        if (verdict == null) {
            return List.of();
        }
        return verdict.tiers().stream()
                .flatMap(tier -> tier.groups().stream())
                .distinct()
                .toList();
    }
}
