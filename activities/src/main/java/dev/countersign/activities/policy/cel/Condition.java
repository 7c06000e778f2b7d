package dev.countersign.activities.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.regex.Pattern;

/** A compiled {@code when} expression of one rule; immutable and safe to evaluate from many threads. */
public final class Condition {

    private static final Pattern CEL_LOCATION_PREFIX = Pattern.compile("^evaluation error at [^:]*:\\d+: ");

    private final String expression;
    private final CelRuntime.Program program;

    Condition(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    public String expression() {
        return expression;
    }

    public boolean matches(Map<String, Object> variables) throws ConditionFailure {
        Object result;
        try {
            result = program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new ConditionFailure(
                    CEL_LOCATION_PREFIX.matcher(e.getMessage()).replaceFirst(""), e);
        }
        if (result instanceof Boolean matched) {
            return matched;
        }
        throw new ConditionFailure("the condition gave " + result + " instead of true or false", null);
    }
}
