package dev.countersign.activities.policy;

import dev.countersign.activities.policy.cel.Condition;
import dev.countersign.activities.policy.cel.ConditionFailure;
import java.util.Map;

/** A guard with its condition compiled, as a {@link Policy} evaluates it. */
public record CompiledGuard(PolicyGuard guard, Condition condition) {

    public boolean matches(String tool, Map<String, Object> variables) throws ConditionFailure {
        return guard.appliesTo(tool) && condition.matches(variables);
    }
}
