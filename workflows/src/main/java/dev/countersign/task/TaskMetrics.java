package dev.countersign.task;

import com.uber.m3.tally.Scope;
import com.uber.m3.util.ImmutableMap;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The task's metrics, emitted through the workflow metrics scope, which stays silent during
 * replay: decisions by outcome, time to decision, tool executions by outcome, review verdicts,
 * rollbacks and compensation failures.
 */
final class TaskMetrics {

    static final String DECISIONS = "countersign_decisions";
    static final String TIME_TO_DECISION = "countersign_time_to_decision";
    static final String TOOL_EXECUTIONS = "countersign_tool_executions";
    static final String ESCALATIONS = "countersign_escalations";
    static final String NOTIFICATION_FAILURES = "countersign_notification_failures";
    static final String REVIEWS = "countersign_reviews";
    static final String ROLLBACKS = "countersign_rollbacks";
    static final String COMPENSATION_FAILURES = "countersign_compensation_failures";

    private TaskMetrics() {}

    /** One policy or reviewer outcome: auto, denied, approved, edited, rejected, changes_requested. */
    static void decision(String tool, String rule, String outcome) {
        scope(tool, rule)
                .tagged(ImmutableMap.of("outcome", outcome))
                .counter(DECISIONS)
                .inc(1);
    }

    static void timeToDecision(String tool, String rule, Duration waited) {
        scope(tool, rule).timer(TIME_TO_DECISION).record(com.uber.m3.util.Duration.ofMillis(waited.toMillis()));
    }

    static void escalation(String tool, String rule) {
        scope(tool, rule).counter(ESCALATIONS).inc(1);
    }

    static void notificationFailure(String tool, String tier) {
        Workflow.getMetricsScope()
                .tagged(ImmutableMap.of("tool", tool, "tier", tier))
                .counter(NOTIFICATION_FAILURES)
                .inc(1);
    }

    static void toolExecution(String tool, String outcome) {
        Workflow.getMetricsScope()
                .tagged(ImmutableMap.of("tool", tool, "outcome", outcome))
                .counter(TOOL_EXECUTIONS)
                .inc(1);
    }

    /** A reviewer's verdict on an executed action: ok, flag or rollback. */
    static void review(String tool, String rule, String verdict) {
        scope(tool, rule)
                .tagged(ImmutableMap.of("verdict", verdict))
                .counter(REVIEWS)
                .inc(1);
    }

    /** A compensation that ran to its end: rolled_back, or resolved (by an operator, by hand). */
    static void rollback(String tool, String outcome) {
        Workflow.getMetricsScope()
                .tagged(ImmutableMap.of("tool", tool, "outcome", outcome))
                .counter(ROLLBACKS)
                .inc(1);
    }

    /** A compensation that still failed after its retries. */
    static void compensationFailure(String tool) {
        Workflow.getMetricsScope()
                .tagged(ImmutableMap.of("tool", tool))
                .counter(COMPENSATION_FAILURES)
                .inc(1);
    }

    private static Scope scope(String tool, String rule) {
        return Workflow.getMetricsScope()
                .tagged(ImmutableMap.of("tool", tool, "rule", rule == null ? "default" : rule));
    }
}
