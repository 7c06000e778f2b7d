package dev.countersign.task;

import dev.countersign.agent.JsonValues;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.ShadowVerdict;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One proposed tool call and what became of it: the arguments that ran (or would have), the
 * policy verdict with its rule and policy hash, the reviewers' decisions, the notifications sent to
 * reviewers, and the tool's result. {@code proposedAt} is when the agent proposed it (null in tasks
 * recorded before it was kept) and {@code shadow} what a rule in shadow mode would have decided.
 * {@code review} is its post-action review (state NONE when not reviewed) and {@code compensation}
 * what its compensation did (null when none ran); {@code compensable} whether its tool declared a
 * compensation that a rollback can run; {@code reviewerGroups} the groups of every approval tier
 * the policy named for it (empty when it ran on its own or was denied).
 */
public record ActionView(
        String actionId,
        String tool,
        Map<String, Object> args,
        String argsDigest,
        String rationale,
        Double confidence,
        Outcome verdict,
        String rule,
        String policyHash,
        String reason,
        ActionState state,
        Map<String, Object> result,
        String error,
        List<DecisionRecord> decisions,
        List<NotificationRecord> notifications,
        Instant proposedAt,
        ShadowVerdict shadow,
        ActionReview review,
        CompensationRecord compensation,
        boolean compensable,
        List<String> reviewerGroups) {

    public ActionView {
        review = review == null ? ActionReview.NONE : review;
        args = args == null ? Map.of() : JsonValues.immutableCopy(args);
        result = result == null ? null : JsonValues.immutableCopy(result);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        notifications = notifications == null ? List.of() : List.copyOf(notifications);
        reviewerGroups = reviewerGroups == null ? List.of() : List.copyOf(reviewerGroups);
    }
}
