package dev.countersign.activities.policy;

import java.util.Map;

/** A guard with its condition compiled. */
record CompiledGuard(PolicyGuard guard, Condition condition) {

    boolean matches(String tool, Map<String, Object> variables) throws ConditionFailure {
        return guard.appliesTo(tool) && condition.matches(variables);
    }
}
