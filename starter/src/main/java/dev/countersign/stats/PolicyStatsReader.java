package dev.countersign.stats;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
                statistics.shadows(),
                tasks.unreadable().size(),
                tasks.unreadable());
    }

    /** Suggestions; {@code relaxAfter} null uses {@code countersign.stats.relax-after}. */
    public List<Suggestion> suggestions(Instant since, Integer relaxAfter) {
        int streak = relaxAfter == null ? properties.relaxAfter() : relaxAfter;
        return DecisionStatistics.of(read(since).views()).suggestions(streak);
    }

    private Tasks read(Instant since) {
        List<TaskRead> newest = countersign.taskList(properties.maxTasks());
        List<TaskView> kept = newest.stream()
                .map(TaskRead::view)
                .filter(Objects::nonNull)
                .filter(task -> since == null
                        || (task.startedAt() != null && !task.startedAt().isBefore(since)))
                .toList();
        // An unreadable task's start is unknown, so it is counted whatever `since` says.
        List<String> unreadable = newest.stream()
                .map(TaskRead::unreadable)
                .filter(Objects::nonNull)
                .filter(UnreadableTask::isRunning)
                .map(UnreadableTask::taskId)
                .toList();
        return new Tasks(kept, unreadable, newest.size() >= properties.maxTasks());
    }

    private record Tasks(List<TaskView> views, List<String> unreadable, boolean truncated) {}
}
