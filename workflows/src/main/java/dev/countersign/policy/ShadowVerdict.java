package dev.countersign.policy;

import java.util.List;

/**
 * What a rule in shadow mode would have decided for a call, recorded beside the verdict that was
 * enforced so a team can see what changing the policy would have done before it does it. It never
 * changes what happens to the call.
 */
public record ShadowVerdict(String rule, Outcome outcome, List<ApprovalTier> tiers) {

    public ShadowVerdict {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a shadow verdict names its rule");
        }
        if (outcome == null) {
            throw new IllegalArgumentException("a shadow verdict needs an outcome");
        }
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
