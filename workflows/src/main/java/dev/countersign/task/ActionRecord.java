package dev.countersign.task;

import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The workflow's mutable record of one proposed tool call; rendered as an {@link ActionView}. */
final class ActionRecord {

    final String actionId;
    final Instant proposedAt;
    ToolCall call;
    PolicyVerdict verdict;
    ActionState state = ActionState.PENDING;
    Map<String, Object> result;
    String error;
    final List<DecisionRecord> decisions = new ArrayList<>();
    final List<NotificationRecord> notifications = new ArrayList<>();
    ActionReview review = ActionReview.NONE;
    /** The compensating action the tool declared when it ran; null when it cannot be rolled back. */
    String compensationName;

    CompensationRecord compensation;
    int compensationRuns;

    ActionRecord(String actionId, ToolCall call, Instant proposedAt) {
        this.actionId = actionId;
        this.call = call;
        this.proposedAt = proposedAt;
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

    /** The groups of every tier the verdict named, in order, each once; empty unless it asked for approval. */
    private List<String> reviewerGroups() {
        if (verdict == null) {
            return List.of();
        }
        return verdict.tiers().stream()
                .flatMap(tier -> tier.groups().stream())
                .distinct()
                .toList();
    }
}
