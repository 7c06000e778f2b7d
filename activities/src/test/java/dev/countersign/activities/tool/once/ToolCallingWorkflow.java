package dev.countersign.activities.tool.once;

import dev.countersign.tool.ToolInvocation;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** Calls one tool through the tool activity with the task's retry policy; answers how it ended. */
@WorkflowInterface
public interface ToolCallingWorkflow {

    /**
     * {@code ran}, or the type of the failure the activity ended with after its retries; the server
     * times an attempt out when it has not heard a heartbeat for {@code heartbeatTimeout}.
     */
    @WorkflowMethod
    String call(ToolInvocation invocation, Duration heartbeatTimeout);
}
