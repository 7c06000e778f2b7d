package dev.countersign.activities.policy;

import dev.countersign.activities.policy.cel.Condition;
import dev.countersign.activities.policy.cel.ConditionFailure;
import java.util.Map;

/**
 * A rule with its condition compiled, as a {@link Policy} evaluates it; a null condition matches every
 * call to the rule's tools.
 */
public record CompiledRule(PolicyRule rule, Condition condition) {

    public boolean matches(String tool, Map<String, Object> variables) throws ConditionFailure {
        return rule.appliesTo(tool) && (condition == null || condition.matches(variables));
    }
}
