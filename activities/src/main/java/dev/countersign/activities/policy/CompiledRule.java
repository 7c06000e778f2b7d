package dev.countersign.activities.policy;

import java.util.Map;

/** A rule with its condition compiled; a null condition matches every call to the rule's tools. */
record CompiledRule(PolicyRule rule, Condition condition) {

    boolean matches(String tool, Map<String, Object> variables) throws ConditionFailure {
        return rule.appliesTo(tool) && (condition == null || condition.matches(variables));
    }
}
