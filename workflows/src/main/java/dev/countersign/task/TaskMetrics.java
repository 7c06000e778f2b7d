package dev.countersign.task;

import com.uber.m3.tally.Scope;
import com.uber.m3.util.ImmutableMap;
import dev.countersign.agent.TokenUsage;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * The task's metrics, emitted through the workflow metrics scope, which stays silent during
 * replay: decisions by outcome, time to decision, tool executions by outcome, review verdicts,
 * rollbacks, compensation failures, and the tokens the agent's model spent.
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
    static final String MODEL_TOKENS = "countersign_model_tokens";

    private TaskMetrics() {}

    /** One policy or reviewer outcome: auto, denied, approved, edited, rejected, changes_requested. */
    static void decision(String tool, String rule, String outcome) {
        count(DECISIONS, scope(tool, rule).tagged(ImmutableMap.of("outcome", outcome)));
    }

    static void timeToDecision(String tool, String rule, Duration waited) {
        scope(tool, rule).timer(TIME_TO_DECISION).record(com.uber.m3.util.Duration.ofMillis(waited.toMillis()));
    }

    static void escalation(String tool, String rule) {
        count(ESCALATIONS, scope(tool, rule));
    }

    static void notificationFailure(String tool, String tier) {
        count(NOTIFICATION_FAILURES, tagged(ImmutableMap.of("tool", tool, "tier", tier)));
    }

    static void toolExecution(String tool, String outcome) {
        count(TOOL_EXECUTIONS, tagged(ImmutableMap.of("tool", tool, "outcome", outcome)));
    }

    /** A reviewer's verdict on an executed action: ok, flag or rollback. */
    static void review(String tool, String rule, String verdict) {
        count(REVIEWS, scope(tool, rule).tagged(ImmutableMap.of("verdict", verdict)));
    }

    /** A compensation that ran to its end: rolled_back, or resolved (by an operator, by hand). */
    static void rollback(String tool, String outcome) {
        count(ROLLBACKS, tagged(ImmutableMap.of("tool", tool, "outcome", outcome)));
    }

    /** A compensation that still failed after its retries. */
    static void compensationFailure(String tool) {
        count(COMPENSATION_FAILURES, tagged(ImmutableMap.of("tool", tool)));
    }

    /** The tokens one model reply cost, by agent and kind (prompt, completion). */
    static void tokens(String agent, TokenUsage usage) {
        tagged(ImmutableMap.of("agent", agent, "kind", "prompt"))
                .counter(MODEL_TOKENS)
                .inc(usage.promptTokens());
        tagged(ImmutableMap.of("agent", agent, "kind", "completion"))
                .counter(MODEL_TOKENS)
                .inc(usage.completionTokens());
    }

    private static void count(String counter, Scope scope) {
        scope.counter(counter).inc(1);
    }

    private static Scope tagged(Map<String, String> tags) {
        return Workflow.getMetricsScope().tagged(tags);
    }

    private static Scope scope(String tool, String rule) {
        return tagged(ImmutableMap.of("tool", tool, "rule", rule == null ? "default" : rule));
    }
}
