package dev.countersign.activities.policy;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Combines the tool rule's verdict (or the default's) with the approve and never-auto guards that
 * matched the call. A DENY stays a DENY. Otherwise every approve guard, and every never-auto guard
 * when the rule would run the call on its own, asks for review, and the verdict is APPROVE with the
 * strictest tiers: those whose first tier needs the most approvals, the rule's on a tie, then the
 * earliest guard's. The verdict names every rule and guard that asked, and says which tiers won.
 */
final class GuardedVerdict {

    private GuardedVerdict() {}

    static PolicyVerdict combine(PolicyVerdict ruled, List<PolicyGuard> matched) {
        if (ruled.outcome() == Outcome.DENY) {
            return ruled;
        }
        List<PolicyGuard> asking = matched.stream()
                .filter(guard -> guard.action() == PolicyGuard.Action.APPROVE || ruled.outcome() == Outcome.AUTO)
                .toList();
        if (asking.isEmpty()) {
            return ruled;
        }
        Review rule = ruled.outcome() == Outcome.APPROVE
                ? new Review("rule '" + ruled.rule() + "'", ruled.tiers(), ruled.onTimeout())
                : null;
        Review chosen = rule;
        for (PolicyGuard guard : asking) {
            Review candidate = new Review("guard '" + guard.name() + "'", guard.tiers(), guard.onTimeout());
            if (chosen == null || candidate.firstApprovals() > chosen.firstApprovals()) {
                chosen = candidate;
            }
        }
        return new PolicyVerdict(
                Outcome.APPROVE,
                names(asking, ruled.rule()),
                ruled.policyHash(),
                reason(ruled, asking, rule, chosen),
                chosen.tiers(),
                ruled.argsDigest(),
                false,
                chosen.onTimeout(),
                null,
                null,
                null,
                false);
    }

    private static String names(List<PolicyGuard> asking, String ruleName) {
        Stream<String> guards = asking.stream().map(PolicyGuard::name);
        return (ruleName == null ? guards : Stream.concat(guards, Stream.of(ruleName)))
                .collect(Collectors.joining("+"));
    }

    private static String reason(PolicyVerdict ruled, List<PolicyGuard> asking, Review rule, Review chosen) {
        List<String> parts = new ArrayList<>();
        for (PolicyGuard guard : asking) {
            String asks = guard.action() == PolicyGuard.Action.NEVER_AUTO
                    ? "never lets this call run without review"
                    : "requires review";
            parts.add("guard '" + guard.name() + "' " + asks + ": "
                    + (guard.reason().isBlank() ? guard.condition() : guard.reason()));
        }
        if (rule != null) {
            parts.add(rule.label() + " requires approval" + (ruled.reason().isBlank() ? "" : ": " + ruled.reason()));
        } else if (ruled.rule() != null) {
            parts.add("rule '" + ruled.rule() + "' alone would run the call without review");
        } else {
            parts.add("no rule matches, and the default alone would run the call without review");
        }
        parts.add("tiers of " + chosen.label() + why(rule, chosen, asking.size()));
        return String.join("; ", parts);
    }

    private static String why(Review rule, Review chosen, int guards) {
        if (rule == null) {
            return guards > 1 ? " (its first tier needs the most approvals)" : "";
        }
        if (chosen == rule) {
            return " (no guard's first tier needs more approvals)";
        }
        return " (stricter: its first tier needs " + chosen.firstApprovals() + " approvals, the rule's "
                + rule.firstApprovals() + ")";
    }

    /** Tiers that someone asked for, with who asked ({@code rule 'x'} or {@code guard 'y'}). */
    private record Review(String label, List<ApprovalTier> tiers, TimeoutOutcome onTimeout) {

        int firstApprovals() {
            return tiers.get(0).approvals();
        }
    }
}
