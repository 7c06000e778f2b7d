package dev.countersign.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * What became of the calls one rule judged for one tool: how many ran on their own, were denied,
 * approved unedited, edited, rejected, sent back, timed out, cancelled or still wait, how many of
 * the executed ones reviewers flagged afterwards, and how long people took to decide (median and
 * 90th percentile over the calls a person settled; null when none was).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RuleStats(
        String tool,
        String rule,
        String outcome,
        int calls,
        int auto,
        int denied,
        int approved,
        int edited,
        int rejected,
        int changesRequested,
        int timedOut,
        int cancelled,
        int pending,
        int flagged,
        int rolledBack,
        Duration medianTimeToDecision,
        Duration p90TimeToDecision) {}
