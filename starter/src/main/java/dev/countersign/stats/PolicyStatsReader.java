package dev.countersign.stats;

import dev.countersign.client.Countersign;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads the newest tasks through the facade (their workflows are the only record) and computes the
 * policy's statistics and suggestions from them; {@code since} keeps only tasks started at or after
 * it.
 */
public class PolicyStatsReader {

    private final Countersign countersign;
    private final StatsProperties properties;
    private final Clock clock;

    public PolicyStatsReader(Countersign countersign, StatsProperties properties, Clock clock) {
        this.countersign = countersign;
        this.properties = properties;
        this.clock = clock;
    }

    public PolicyStats stats(Instant since) {
        Tasks tasks = read(since);
        DecisionStatistics statistics = DecisionStatistics.of(tasks.views());
        return new PolicyStats(
                clock.instant(),
                since,
                tasks.views().size(),
                tasks.truncated(),
                statistics.rules(),
                statistics.shadows());
    }

    /** Suggestions; {@code relaxAfter} null uses {@code countersign.stats.relax-after}. */
    public List<Suggestion> suggestions(Instant since, Integer relaxAfter) {
        int streak = relaxAfter == null ? properties.relaxAfter() : relaxAfter;
        return DecisionStatistics.of(read(since).views()).suggestions(streak);
    }

    private Tasks read(Instant since) {
        List<TaskView> newest = countersign.tasks(properties.maxTasks());
        List<TaskView> kept = newest.stream()
                .filter(task -> since == null
                        || (task.startedAt() != null && !task.startedAt().isBefore(since)))
                .toList();
        return new Tasks(kept, newest.size() >= properties.maxTasks());
    }

    private record Tasks(List<TaskView> views, boolean truncated) {}
}
