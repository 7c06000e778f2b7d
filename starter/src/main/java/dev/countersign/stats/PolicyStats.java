package dev.countersign.stats;

import java.time.Instant;
import java.util.List;

/**
 * The decision record of a policy, computed from the tasks themselves: one entry per tool and
 * rule, one per shadow rule. {@code tasksRead} says how many tasks it covers and
 * {@code truncated} whether older ones were left out (the reader's limit); {@code tasksUnreadable}
 * how many running tasks among the newest could not be read (their decisions are not counted), and
 * {@code unreadableTaskIds} which. {@code actionsNotRead} counts actions of the tasks read that are
 * not counted: earlier runs' actions of tasks that continued as new, where no action archive gives
 * them back.
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
