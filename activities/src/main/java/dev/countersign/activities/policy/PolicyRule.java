package dev.countersign.activities.policy;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.ReviewPlan;
import dev.countersign.policy.ShadowVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.util.List;

/**
 * One rule of a policy as written in the file: the tools it covers ({@code *} for any), its optional
 * CEL {@code when} condition, and the outcome with its reason, or with its approval tiers and what
 * happens when the last tier's SLA passes ({@code onTimeout}, approve rules only, default reject).
 * {@code review} is the post-action review it asks for (null: none; {@code sampled} is always false
 * here, the policy picks per call). A {@code shadow} rule enforces nothing: the verdict it would
 * give is recorded beside the enforced one. {@code line} is where the rule starts in the file.
 */
public record PolicyRule(
        String name,
        List<String> tools,
        String condition,
        Outcome outcome,
        String reason,
        List<ApprovalTier> tiers,
        TimeoutOutcome onTimeout,
        int line,
        ReviewPlan review,
        boolean shadow) {

    /** The tool name that makes a rule cover every tool. */
    public static final String ANY_TOOL = "*";

    public PolicyRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a policy rule needs a name");
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (tools.isEmpty()) {
            throw new IllegalArgumentException("policy rule '" + name + "' names no tool");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("policy rule '" + name + "' has no outcome");
        }
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        if ((outcome == Outcome.APPROVE) == tiers.isEmpty()) {
            throw new IllegalArgumentException(
                    "policy rule '" + name + "': tiers go with outcome approve, and only there");
        }
        if (outcome != Outcome.APPROVE && onTimeout != null) {
            throw new IllegalArgumentException(
                    "policy rule '" + name + "': on-timeout goes with outcome approve, and only there");
        }
        if (review != null && (outcome == Outcome.DENY || shadow)) {
            throw new IllegalArgumentException("policy rule '" + name
                    + "': review goes with rules that let calls run (auto or approve), and not on shadow rules");
        }
        onTimeout = outcome == Outcome.APPROVE && onTimeout == null ? TimeoutOutcome.REJECT : onTimeout;
        if (reason == null || reason.isBlank()) {
            reason = outcome == Outcome.DENY ? "denied by policy rule '" + name + "'" : "";
        }
    }

    public boolean appliesTo(String tool) {
        return tools.contains(ANY_TOOL) || tools.contains(tool);
    }

    /** True when the rule has no condition: every call to its tools matches. */
    public boolean unconditional() {
        return condition == null;
    }

    PolicyVerdict verdict(String policyHash, String argsDigest) {
        return new PolicyVerdict(
                outcome, name, policyHash, reason, tiers, argsDigest, false, onTimeout, null, null, null, false);
    }

    ShadowVerdict shadowVerdict() {
        return new ShadowVerdict(name, outcome, tiers);
    }
}
