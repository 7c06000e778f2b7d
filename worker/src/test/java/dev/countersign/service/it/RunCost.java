package dev.countersign.service.it;

import dev.countersign.history.RunHistory;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;

/**
 * What one run of a task cost its history: events, bytes, the agent steps it took (model calls
 * scheduled) and the bytes of the input it handed to the next run (0 for a run that did not continue).
 */
record RunCost(int run, int events, long bytes, int steps, long carriedBytes) {

    private static final String MODEL_CALL = "NextStep";

    static RunCost of(int run, RunHistory history) {
        List<HistoryEvent> events = history.events();
        int steps = (int) events.stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .filter(event -> event.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals(MODEL_CALL))
                .count();
        HistoryEvent last = events.get(events.size() - 1);
        long carried = last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
                ? last.getWorkflowExecutionContinuedAsNewEventAttributes()
                        .getInput()
                        .getSerializedSize()
                : 0;
        long bytes = events.stream().mapToLong(HistoryEvent::getSerializedSize).sum();
        return new RunCost(run, events.size(), bytes, steps, carried);
    }

    boolean continued() {
        return carriedBytes > 0;
    }

    double bytesPerStep() {
        return steps == 0 ? 0 : (double) bytes / steps;
    }

    String line(String prefix) {
        return String.format(
                "%s run %2d: events=%6d bytes=%9d steps=%4d bytes/step=%7.1f carriedInputBytes=%6d",
                prefix, run, events, bytes, steps, bytesPerStep(), carriedBytes);
    }
}
