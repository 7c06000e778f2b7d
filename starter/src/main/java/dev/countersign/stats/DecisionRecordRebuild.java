package dev.countersign.stats;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;
import dev.countersign.record.DecisionRecordStore;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecordRow;
import dev.countersign.task.DecisionRecordRows;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the decision record again from every task Temporal still keeps (each task's view, with its
 * earlier runs' archived actions), derives the rows as the workflow does, stores the missing ones, and
 * reports the rows that differ and those only the record still holds. Safe to run at any time and
 * more than once: it never changes or deletes a stored row.
 */
public class DecisionRecordRebuild {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecordRebuild.class);

    private final Countersign countersign;
    private final EarlierActions earlier;
    private final DecisionRecordStore store;
    private final int maxTasks;
    private final Clock clock;

    public DecisionRecordRebuild(
            Countersign countersign, EarlierActions earlier, DecisionRecordStore store, int maxTasks, Clock clock) {
        this.countersign = countersign;
        this.earlier = earlier;
        this.store = store;
        this.maxTasks = maxTasks;
        this.clock = clock;
    }

    public RebuildReport rebuild() {
        List<TaskRead> reads = countersign.taskList(maxTasks);
        boolean truncated = reads.size() >= maxTasks;
        Map<String, TaskView> tasks = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (TaskRead read : reads) {
            if (read.view() != null) {
                tasks.putIfAbsent(read.view().taskId(), read.view());
            } else if (read.unreadable() != null) {
                unreadable.add(read.unreadable().taskId());
            }
        }
        Map<String, DecisionRecordRow> stored = new LinkedHashMap<>();
        store.rowsOf(tasks.keySet()).forEach(row -> stored.put(key(row), row));
        List<DecisionRecordRow> missing = new ArrayList<>();
        List<RowDifference> differences = new ArrayList<>();
        int differing = 0;
        for (TaskView task : tasks.values()) {
            for (DecisionRecordRow row : derived(task)) {
                DecisionRecordRow held = stored.get(key(row));
                if (held == null) {
                    missing.add(row);
                } else if (!row.agreesWith(held)) {
                    differing++;
                    if (differences.size() < RebuildReport.MAX_LISTED) {
                        differences.add(new RowDifference(held, row));
                    }
                }
            }
        }
        int added = store.record(missing);
        List<String> gone = onlyInStore(tasks.keySet(), unreadable, truncated);
        int rowsGone = gone.isEmpty() ? 0 : store.countRowsOf(gone);
        log.info(
                "decision record rebuilt from {} task(s): {} row(s) added, {} differ, {} only in the record ({} task(s))",
                tasks.size(),
                added,
                differing,
                rowsGone,
                gone.size());
        return new RebuildReport(
                clock.instant(),
                tasks.size(),
                truncated,
                unreadable,
                added,
                missing.stream()
                        .limit(RebuildReport.MAX_LISTED)
                        .map(DecisionRecordRebuild::key)
                        .toList(),
                differing,
                differences,
                rowsGone,
                gone.stream().limit(RebuildReport.MAX_LISTED).toList());
    }

    /** Every row the task's actions tell, each with the best time the view knows where it keeps none. */
    private List<DecisionRecordRow> derived(TaskView task) {
        DecisionRecordRows rows = new DecisionRecordRows(task.taskId(), task.requester(), task.agent());
        Map<String, ActionView> actions = new LinkedHashMap<>();
        earlier.of(task).forEach(action -> actions.put(action.actionId(), action));
        task.actions().forEach(action -> actions.put(action.actionId(), action));
        List<DecisionRecordRow> derived = new ArrayList<>();
        for (ActionView action : actions.values()) {
            Instant last = action.proposedAt() != null ? action.proposedAt() : task.updatedAt();
            for (DecisionRecordRow row : rows.of(action)) {
                last = row.at() != null ? row.at() : last;
                derived.add(row.at() == null ? row.timed(Objects.requireNonNullElseGet(last, clock::instant)) : row);
            }
        }
        return derived;
    }

    /**
     * The record's tasks that Temporal no longer keeps. A task the listing left out (it read only the
     * newest) is looked up by itself before it is counted as gone.
     */
    private List<String> onlyInStore(Set<String> read, List<String> unreadable, boolean truncated) {
        Set<String> known = new HashSet<>(read);
        known.addAll(unreadable);
        return store.taskIds().stream()
                .filter(taskId -> !known.contains(taskId))
                .filter(taskId -> !truncated || countersign.task(taskId).isEmpty())
                .toList();
    }

    private static String key(DecisionRecordRow row) {
        return row.taskId() + "/" + row.actionId() + "/" + row.eventKey();
    }
}
