package dev.countersign.tool;

import io.temporal.activity.ActivityInterface;

/**
 * Executes and compensates tools through the ToolRegistry. Implementations refuse an invocation
 * whose arguments do not match its digest, and pass the idempotency key to the tool.
 */
@ActivityInterface
public interface ToolActivities {

    /**
     * The failure type of a call to a tool that is not idempotent, refused because an earlier attempt
     * may have reached the tool (its worker stopped, it timed out, or the tool threw unexpectedly);
     * never retried, the task asks an operator whether it was done.
     */
    String OUTCOME_UNKNOWN = "ToolOutcomeUnknown";

    ToolResult executeTool(ToolInvocation invocation);

    /** Runs the compensation the tool declared, with the request's own idempotency key. */
    ToolResult compensate(CompensationRequest request);
}
