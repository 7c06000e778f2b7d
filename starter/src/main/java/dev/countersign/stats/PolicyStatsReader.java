package dev.countersign.stats;

import dev.countersign.record.DecisionRecordStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reads the newest tasks of the durable decision record (see {@link DecisionRecordStore}) and computes
 * the policy's statistics and suggestions from their rows, so they outlive the tasks' workflows;
 * {@code since} keeps only tasks whose first recorded row is at or after it. Each action counts once,
 * whichever runs of its task sent its rows.
 */
public class PolicyStatsReader {

    private final DecisionRecordStore store;
    private final StatsProperties properties;
    private final Clock clock;

    public PolicyStatsReader(DecisionRecordStore store, StatsProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public PolicyStats stats(Instant since) {
        Tasks tasks = read(since);
        DecisionStatistics statistics = DecisionStatistics.ofActions(tasks.actions());
        return new PolicyStats(
                clock.instant(),
                since,
                tasks.read(),
                tasks.truncated(),
                statistics.rules(),
                statistics.shadows(),
                0,
                List.of(),
                0);
    }

    /** Suggestions; {@code relaxAfter} null uses {@code countersign.stats.relax-after}. */
    public List<Suggestion> suggestions(Instant since, Integer relaxAfter) {
        int streak = relaxAfter == null ? properties.relaxAfter() : relaxAfter;
        return DecisionStatistics.ofActions(read(since).actions()).suggestions(streak);
    }

    private Tasks read(Instant since) {
        List<String> newest = store.newestTasks(since, properties.maxTasks() + 1);
        boolean truncated = newest.size() > properties.maxTasks();
        List<String> kept = truncated ? newest.subList(0, properties.maxTasks()) : newest;
        return new Tasks(RecordedActions.of(store.rowsOf(kept)), kept.size(), truncated);
    }

    private record Tasks(List<dev.countersign.task.ActionView> actions, int read, boolean truncated) {}
}
