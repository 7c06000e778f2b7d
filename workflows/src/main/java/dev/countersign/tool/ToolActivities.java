package dev.countersign.tool;

import io.temporal.activity.ActivityInterface;

/**
 * Executes and compensates tools through the ToolRegistry. Implementations refuse an invocation
 * whose arguments do not match its digest, and pass the idempotency key to the tool.
 */
@ActivityInterface
public interface ToolActivities {

    ToolResult executeTool(ToolInvocation invocation);

    /** Runs the compensation the tool declared, with the request's own idempotency key. */
    ToolResult compensate(CompensationRequest request);
}
