package dev.countersign.record;

import dev.countersign.task.ActionIds;
import dev.countersign.task.DecisionRecordRow;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The decision record in this process's memory, where the application has no DataSource: it is lost
 * with the process, as the in-memory task store is. For tests and trials only.
 */
public class InMemoryDecisionRecordStore implements DecisionRecordStore {

    private final Map<String, DecisionRecordRow> rows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryDecisionRecordStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int record(List<DecisionRecordRow> batch) {
        int added = 0;
        for (DecisionRecordRow row : batch) {
            DecisionRecordRow timed = row.at() == null ? row.timed(clock.instant()) : row;
            if (rows.putIfAbsent(row.taskId() + "\n" + row.actionId() + "\n" + row.eventKey(), timed) == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public List<DecisionRecordRow> rowsOf(Collection<String> taskIds) {
        Set<String> wanted = Set.copyOf(taskIds);
        return rows.values().stream()
                .filter(row -> wanted.contains(row.taskId()))
                .sorted(Comparator.comparing(DecisionRecordRow::taskId)
                        .thenComparingLong(
                                row -> ActionIds.isActionId(row.actionId()) ? ActionIds.number(row.actionId()) : 0)
                        .thenComparing(DecisionRecordRow::at)
                        .thenComparing(DecisionRecordRow::eventKey))
                .toList();
    }

    @Override
    public int countRowsOf(Collection<String> taskIds) {
        Set<String> wanted = Set.copyOf(taskIds);
        return (int) rows.values().stream()
                .filter(row -> wanted.contains(row.taskId()))
                .count();
    }

    @Override
    public List<String> newestTasks(Instant since, int limit) {
        Map<String, Instant> first = rows.values().stream()
                .collect(Collectors.toMap(
                        DecisionRecordRow::taskId, DecisionRecordRow::at, (a, b) -> a.isBefore(b) ? a : b));
        return first.entrySet().stream()
                .filter(entry -> since == null || !entry.getValue().isBefore(since))
                .sorted(Map.Entry.<String, Instant>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public List<String> taskIds() {
        return rows.values().stream()
                .map(DecisionRecordRow::taskId)
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(row -> row.at().isBefore(cutoff));
        return before - rows.size();
    }
}
