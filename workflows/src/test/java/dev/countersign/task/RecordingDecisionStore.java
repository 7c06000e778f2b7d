package dev.countersign.task;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A decision record store for workflow tests: keeps the first copy of each row by task, action and
 * event key, as the real store does, and counts every row and call it was sent; it can fail its first
 * calls.
 */
class RecordingDecisionStore implements DecisionRecordActivities {

    final Map<String, DecisionRecordRow> rows = new ConcurrentHashMap<>();
    final List<DecisionRecordRow> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    /** How many calls brought rows. */
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void recordDecisions(List<DecisionRecordRow> batch) {
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw ApplicationFailure.newFailure("the store is down", "StoreDown");
        }
        calls.incrementAndGet();
        received.addAll(batch);
        batch.forEach(row -> rows.putIfAbsent(row.taskId() + "/" + row.actionId() + "/" + row.eventKey(), row));
    }

    /** The task's stored rows, in action then arrival order. */
    List<DecisionRecordRow> of(String taskId) {
        return received.stream()
                .filter(row -> row.taskId().equals(taskId))
                .map(row -> rows.get(row.taskId() + "/" + row.actionId() + "/" + row.eventKey()))
                .distinct()
                .toList();
    }
}
