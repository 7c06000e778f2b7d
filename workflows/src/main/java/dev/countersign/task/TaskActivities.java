package dev.countersign.task;

import dev.countersign.agent.AgentActivities;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.tool.ToolActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activity stubs of one task, each with the timeouts and retries its side effect needs. Model
 * calls, tools and compensations heartbeat while they run, so a call on a worker that died is retried
 * elsewhere after {@link #HEARTBEAT_TIMEOUT}, not after its whole start-to-close timeout; each is
 * idempotent by its key. Workflow code only.
 */
final class TaskActivities {

    /**
     * How often a compensation is tried (1 s, then doubling up to a minute, between tries) before
     * the action is left to operators as ROLLBACK_FAILED.
     */
    static final int COMPENSATION_ATTEMPTS = 3;

    /**
     * How long one attempt of a tool that runs as a local activity may take: above its own request
     * timeout (30 s at most for such a tool), well under what an activity is allowed.
     */
    static final Duration LOCAL_TOOL_TIMEOUT = Duration.ofMinutes(1);

    /** Four missed heartbeats of a running model call, tool or compensation (one every 5 s). */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);

    final AgentActivities agent = Workflow.newActivityStub(
            AgentActivities.class, heartbeating(Duration.ofMinutes(2), Duration.ofSeconds(30), 10));
    final PolicyActivities policy = Workflow.newActivityStub(
            PolicyActivities.class, options(Duration.ofSeconds(30), Duration.ofSeconds(10), 10));
    final ToolActivities tools = Workflow.newActivityStub(
            ToolActivities.class, heartbeating(Duration.ofMinutes(5), Duration.ofMinutes(1), 5));
    /**
     * Tools that run as local activities (short and idempotent by their registration): in the workflow
     * task that calls them, on the worker that runs the task, with the same attempts as {@link #tools}.
     * They cannot heartbeat, so a worker that dies while one runs is noticed when the workflow task
     * times out, and the call runs again on the worker that takes the task over, with the same key.
     */
    final ToolActivities localTools = Workflow.newLocalActivityStub(
            ToolActivities.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(LOCAL_TOOL_TIMEOUT)
                    .setRetryOptions(retries(Duration.ofMinutes(1), 5))
                    .build());

    final NotificationActivities notifier = Workflow.newActivityStub(
            NotificationActivities.class,
            options(Duration.ofSeconds(30), Duration.ofMinutes(1), NotificationActivities.MAX_ATTEMPTS));
    final ToolActivities compensations = Workflow.newActivityStub(
            ToolActivities.class, heartbeating(Duration.ofMinutes(5), Duration.ofMinutes(1), COMPENSATION_ATTEMPTS));
    final TaskArchiveActivities archive = Workflow.newActivityStub(
            TaskArchiveActivities.class, options(Duration.ofSeconds(30), Duration.ofMinutes(1), 10));

    /** Retried without limit, at most a minute apart: a row of the decision record is never dropped. */
    final DecisionRecordActivities records = Workflow.newActivityStub(
            DecisionRecordActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2.0)
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .build())
                    .build());

    private static ActivityOptions heartbeating(Duration startToClose, Duration maxInterval, int attempts) {
        return ActivityOptions.newBuilder(options(startToClose, maxInterval, attempts))
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .build();
    }

    private static ActivityOptions options(Duration startToClose, Duration maxInterval, int attempts) {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(startToClose)
                .setRetryOptions(retries(maxInterval, attempts))
                .build();
    }

    /** A second after the first attempt, then doubling up to {@code maxInterval}, {@code attempts} in all. */
    private static RetryOptions retries(Duration maxInterval, int attempts) {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(maxInterval)
                .setMaximumAttempts(attempts)
                .build();
    }
}
