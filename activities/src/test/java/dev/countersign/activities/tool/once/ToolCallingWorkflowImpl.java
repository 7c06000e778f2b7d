package dev.countersign.activities.tool.once;

import dev.countersign.tool.ToolActivities;
import dev.countersign.tool.ToolInvocation;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The tool stub as the task workflow builds it (five attempts, backoff from 1 s), with the heartbeat timeout given. */
public class ToolCallingWorkflowImpl implements ToolCallingWorkflow {

    @Override
    public String call(ToolInvocation invocation, Duration heartbeatTimeout) {
        ToolActivities tools = Workflow.newActivityStub(
                ToolActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofMinutes(5))
                        .setHeartbeatTimeout(heartbeatTimeout)
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofSeconds(1))
                                .setBackoffCoefficient(2.0)
                                .setMaximumInterval(Duration.ofMinutes(1))
                                .setMaximumAttempts(5)
                                .build())
                        .build());
        try {
            tools.executeTool(invocation);
            return "ran";
        } catch (ActivityFailure failure) {
            if (failure.getCause() instanceof ApplicationFailure app) {
                return app.getType();
            }
            if (failure.getCause() instanceof TimeoutFailure timeout) {
                return "timeout:" + timeout.getTimeoutType();
            }
            return String.valueOf(failure.getCause());
        }
    }
}
