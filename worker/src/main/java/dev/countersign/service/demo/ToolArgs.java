package dev.countersign.service.demo;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.List;

/**
 * The arguments of a demo tool invocation, checked against the tool's schema once more: the
 * ToolActivities check them before any tool runs, but a tool called some other way must not
 * write a half-valid row.
 */
final class ToolArgs {

    static final String INVALID_ARGUMENTS = "InvalidToolArguments";

    private final ToolInvocation invocation;

    private ToolArgs(ToolInvocation invocation) {
        this.invocation = invocation;
    }

    static ToolArgs checked(ToolInvocation invocation, ArgumentSchema schema) {
        List<String> violations = schema.violations(invocation.args());
        if (!violations.isEmpty()) {
            throw new ToolException(
                    INVALID_ARGUMENTS,
                    "invalid arguments for " + invocation.tool() + ": " + String.join("; ", violations),
                    false);
        }
        return new ToolArgs(invocation);
    }

    String string(String name) {
        return (String) invocation.args().get(name);
    }

    BigDecimal amount(String name) {
        return Money.read(invocation.args().get(name))
                .orElseThrow(() -> new ToolException(INVALID_ARGUMENTS, "'" + name + "' must be a number", false));
    }
}
