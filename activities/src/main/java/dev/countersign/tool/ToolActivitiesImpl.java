package dev.countersign.tool;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tools for the workflow. It re-checks that the arguments are exactly the approved ones
 * (their digest) before any side effect, and turns a {@link ToolException} into a failure whose
 * type and retryability Temporal honours.
 */
public class ToolActivitiesImpl implements ToolActivities {

    public static final String ARGS_MISMATCH = "ArgumentsDoNotMatchApproval";
    public static final String INVALID_ARGUMENTS = "InvalidToolArguments";

    private static final Logger log = LoggerFactory.getLogger(ToolActivitiesImpl.class);

    private final ToolRegistry registry;

    public ToolActivitiesImpl(ToolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ToolResult executeTool(ToolInvocation invocation) {
        if (invocation.argsDigest() != null
                && !ArgsDigest.of(invocation.tool(), invocation.args()).equals(invocation.argsDigest())) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "the arguments differ from the ones approved; refusing to run " + invocation.tool(), ARGS_MISMATCH);
        }
        List<String> violations = registry.violations(invocation.tool(), invocation.args());
        if (!violations.isEmpty()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "invalid arguments for " + invocation.tool() + ": " + String.join("; ", violations),
                    INVALID_ARGUMENTS);
        }
        Tool tool = registry.find(invocation.tool()).orElseThrow();
        try {
            ToolResult result = new ToolResult(tool.execute(invocation));
            log.info(
                    "tool {} ran for {} (key {})", invocation.tool(), invocation.taskId(), invocation.idempotencyKey());
            return result;
        } catch (ToolException e) {
            if (e.retryable()) {
                throw ApplicationFailure.newFailure(e.getMessage(), e.type());
            }
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.type());
        }
    }
}
