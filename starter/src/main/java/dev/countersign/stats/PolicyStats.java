package dev.countersign.stats;

import java.time.Instant;
import java.util.List;

/**
 * The decision record of a policy, computed from the durable decision record's rows: one entry per
 * tool and rule, one per shadow rule. {@code tasksRead} says how many tasks it covers and
 * {@code truncated} whether older ones were left out (the reader's limit). The record is read from
 * one store, so {@code tasksUnreadable} and {@code actionsNotRead} are 0 and {@code
 * unreadableTaskIds} empty; they stay for clients that read them.
 */
public record PolicyStats(
        Instant computedAt,
        Instant since,
        int tasksRead,
        boolean truncated,
        List<RuleStats> rules,
        List<ShadowStats> shadows,
        int tasksUnreadable,
        List<String> unreadableTaskIds,
        int actionsNotRead) {

    public PolicyStats {
        rules = List.copyOf(rules);
        shadows = List.copyOf(shadows);
        unreadableTaskIds = List.copyOf(unreadableTaskIds);
    }
}
