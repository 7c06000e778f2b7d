package dev.countersign.policy;

import java.util.List;
import java.util.Map;

/**
 * The policy's verdict on one tool call, recorded in history with the rule that matched and the
 * content hash of the policy that produced it. {@code argsDigest} is the SHA-256 of the canonical
 * JSON of tool and arguments; approvals are bound to it. {@code argumentsInvalid} marks a DENY
 * because the arguments failed the tool's schema (the reason says which). {@code review} is the
 * post-action review the rule asks for (null: none) and {@code shadow} what a rule in shadow mode
 * would have decided (null: no shadow rule matched). {@code normalizedArgs} are the arguments the
 * policy judged when the tool normalized the proposed ones (a relative path made absolute, say), null
 * when it judged them as proposed: the call then goes on with these, which reviewers see and the
 * tool runs with. {@code runsLocally} says the tool is one its owner declared short and which is
 * idempotent, so it runs as a Temporal local activity in the worker that runs the task; it comes from
 * the tool's registration, not from a rule, and is false in verdicts recorded before it existed.
 */
public record PolicyVerdict(
        Outcome outcome,
        String rule,
        String policyHash,
        String reason,
        List<ApprovalTier> tiers,
        String argsDigest,
        boolean argumentsInvalid,
        TimeoutOutcome onTimeout,
        ReviewPlan review,
        ShadowVerdict shadow,
        Map<String, Object> normalizedArgs,
        boolean runsLocally) {

    /** A verdict with no review plan or shadow verdict, whose approval is rejected when it times out. */
    public PolicyVerdict(
            Outcome outcome,
            String rule,
            String policyHash,
            String reason,
            List<ApprovalTier> tiers,
            String argsDigest,
            boolean argumentsInvalid) {
        this(
                outcome,
                rule,
                policyHash,
                reason,
                tiers,
                argsDigest,
                argumentsInvalid,
                TimeoutOutcome.REJECT,
                null,
                null,
                null,
                false);
    }

    /** This verdict with the review plan and shadow verdict given. */
    public PolicyVerdict with(ReviewPlan newReview, ShadowVerdict newShadow) {
        return rebuilt(newReview, newShadow, normalizedArgs);
    }

    /** This verdict, on the arguments the tool normalized the proposed ones to. */
    public PolicyVerdict judging(Map<String, Object> normalized) {
        return rebuilt(review, shadow, normalized);
    }

    /** This verdict, for a tool that runs as a local activity ({@code true}) or as an activity. */
    public PolicyVerdict runningLocally(boolean local) {
        return copy(review, shadow, normalizedArgs, local);
    }

    private PolicyVerdict rebuilt(ReviewPlan newReview, ShadowVerdict newShadow, Map<String, Object> normalized) {
        return copy(newReview, newShadow, normalized, runsLocally);
    }

    private PolicyVerdict copy(
            ReviewPlan newReview, ShadowVerdict newShadow, Map<String, Object> normalized, boolean local) {
        return new PolicyVerdict(
                outcome,
                rule,
                policyHash,
                reason,
                tiers,
                argsDigest,
                argumentsInvalid,
                onTimeout,
                newReview,
                newShadow,
                normalized,
                local);
    }

    public PolicyVerdict {
        onTimeout = onTimeout == null ? TimeoutOutcome.REJECT : onTimeout;
        if (outcome == null) {
            throw new IllegalArgumentException("a verdict needs an outcome");
        }
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        if (outcome == Outcome.APPROVE && tiers.isEmpty()) {
            throw new IllegalArgumentException("an APPROVE verdict needs at least one tier");
        }
        if (argsDigest == null || argsDigest.isBlank()) {
            throw new IllegalArgumentException("a verdict needs the digest of the arguments it judged");
        }
        reason = reason == null ? "" : reason;
    }
}
