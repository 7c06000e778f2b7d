package dev.countersign.stats;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the newest tasks through the facade (their workflows are the only record) and computes the
 * policy's statistics and suggestions from them; {@code since} keeps only tasks started at or after
 * it. Each task counts once, with its earlier runs' actions (see {@link EarlierActions}) beside those
 * its view holds.
 */
public class PolicyStatsReader {

    private final Countersign countersign;
    private final StatsProperties properties;
    private final Clock clock;
    private final EarlierActions earlier;

    public PolicyStatsReader(Countersign countersign, StatsProperties properties, Clock clock) {
        this(countersign, properties, clock, EarlierActions.NONE);
    }

    public PolicyStatsReader(Countersign countersign, StatsProperties properties, Clock clock, EarlierActions earlier) {
        this.countersign = countersign;
        this.properties = properties;
        this.clock = clock;
        this.earlier = earlier;
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
                tasks.unreadable(),
                tasks.actionsNotRead());
    }

    /** Suggestions; {@code relaxAfter} null uses {@code countersign.stats.relax-after}. */
    public List<Suggestion> suggestions(Instant since, Integer relaxAfter) {
        int streak = relaxAfter == null ? properties.relaxAfter() : relaxAfter;
        return DecisionStatistics.of(read(since).views()).suggestions(streak);
    }

    private Tasks read(Instant since) {
        List<TaskRead> newest = countersign.taskList(properties.maxTasks());
        Map<String, TaskView> once = new LinkedHashMap<>();
        newest.stream()
                .map(TaskRead::view)
                .filter(Objects::nonNull)
                .filter(task -> since == null
                        || (task.startedAt() != null && !task.startedAt().isBefore(since)))
                .forEach(task -> once.putIfAbsent(task.taskId(), task));
        List<TaskView> kept = once.values().stream().map(this::everyRun).toList();
        int notRead = 0;
        for (TaskView task : kept) {
            notRead += Math.max(0, task.counts().total() - task.actions().size());
        }
        // An unreadable task's start is unknown, so it is counted whatever `since` says.
        List<String> unreadable = newest.stream()
                .map(TaskRead::unreadable)
                .filter(Objects::nonNull)
                .filter(UnreadableTask::isRunning)
                .map(UnreadableTask::taskId)
                .toList();
        return new Tasks(kept, unreadable, newest.size() >= properties.maxTasks(), notRead);
    }

    /** The task with its earlier runs' actions before those its view holds, each action once. */
    private TaskView everyRun(TaskView task) {
        List<ActionView> archived = earlier.of(task);
        if (archived.isEmpty()) {
            return task;
        }
        Map<String, ActionView> byId = new LinkedHashMap<>();
        archived.forEach(action -> byId.put(action.actionId(), action));
        // The run's own copy is the newer one where both hold an action.
        task.actions().forEach(action -> byId.put(action.actionId(), action));
        return task.withPage(List.copyOf(byId.values()), null);
    }

    private record Tasks(List<TaskView> views, List<String> unreadable, boolean truncated, int actionsNotRead) {}
}
