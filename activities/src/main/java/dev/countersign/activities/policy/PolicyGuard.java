package dev.countersign.activities.policy;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.util.List;

/**
 * A cross-cutting rule, applied to every call of its tools before the tool rules: where its
 * {@code when} condition holds it denies the call ({@link Action#DENY}), asks for at least its own
 * review ({@link Action#APPROVE}), or stops the call from running without review
 * ({@link Action#NEVER_AUTO}). See docs/policy.md for how guards and rules combine.
 */
public record PolicyGuard(
        String name,
        List<String> tools,
        String condition,
        Action action,
        String reason,
        List<ApprovalTier> tiers,
        TimeoutOutcome onTimeout,
        int line) {

    /** What a guard does where its condition holds. */
    public enum Action {
        /** The call needs at least this guard's review, even where the tool rule would run it. */
        APPROVE,
        /** The call never runs, whatever the tool rule says. */
        DENY,
        /** Where the tool rule would run the call without review, it needs this guard's review. */
        NEVER_AUTO
    }

    public PolicyGuard {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy guard needs a name");
        }
        tools = tools == null || tools.isEmpty() ? List.of(PolicyRule.ANY_TOOL) : List.copyOf(tools);
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("policy guard '" + name + "' needs a condition");
        }
        if (action == null) {
            throw new IllegalArgumentException("policy guard '" + name + "' has no action");
        }
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        if ((action == Action.DENY) != tiers.isEmpty()) {
            throw new IllegalArgumentException(
                    "policy guard '" + name + "': tiers go with approve and never-auto, and only there");
        }
        if (action == Action.DENY && onTimeout != null) {
            throw new IllegalArgumentException("policy guard '" + name + "': a deny guard has no on-timeout");
        }
        onTimeout = action != Action.DENY && onTimeout == null ? TimeoutOutcome.REJECT : onTimeout;
        if (reason == null || reason.isBlank()) {
            reason = action == Action.DENY ? "denied by policy guard '" + name + "'" : "";
        }
    }

    public boolean appliesTo(String tool) {
        return tools.contains(PolicyRule.ANY_TOOL) || tools.contains(tool);
    }

    PolicyVerdict denial(String policyHash, String argsDigest) {
        return new PolicyVerdict(Outcome.DENY, name, policyHash, reason, List.of(), argsDigest, false);
    }
}
