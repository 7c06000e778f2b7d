package dev.countersign.history;

import static dev.countersign.history.Story.details;

import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;

/**
 * Entries for where a task's workflow continued as new, and for runs a bounded read left out. The
 * state the workflow carries into its next run is not told: the entries around the seam already
 * tell what it holds.
 */
final class RunEntries {

    private final Story story;

    RunEntries(Story story) {
        this.story = story;
    }

    void continuedAsNew(HistoryEvent event) {
        int run = story.continuedAsNew();
        String newRunId =
                event.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
        story.add(
                event,
                TimelineKind.CONTINUED_AS_NEW,
                null,
                null,
                null,
                "The task went on in a new run of its workflow"
                        + (story.runsNumbered() ? " (run " + run + ")" : "")
                        + ", carrying its state.",
                details("run", story.runsNumbered() ? run : null, "newRunId", newRunId));
    }

    /**
     * Told first when the oldest runs are gone or past the bound: the start is not told again from a later run, and
     * action ids are counted from the first run read, so they may differ from the workflow's.
     */
    void beginningMissing(List<HistoryEvent> firstRead) {
        if (firstRead.isEmpty()) {
            return;
        }
        story.beginsLate();
        story.add(
                firstRead.get(0),
                TimelineKind.TRUNCATED,
                null,
                null,
                null,
                "Earlier runs of the task are not shown (Temporal no longer keeps them, or they are past this"
                        + " timeline's bound): it begins with a later run, and its action ids count from there.",
                details("beginningMissing", true));
    }

    /** Told after the last run read, at its last event, when later runs were left out. */
    void truncated(HistoryEvent last, int runsRead, int eventsRead) {
        story.add(
                last,
                TimelineKind.TRUNCATED,
                null,
                null,
                null,
                "Later runs of the task are not shown: this timeline stops after " + runsRead + " runs (" + eventsRead
                        + " events); the Temporal Web UI shows every run.",
                details("runsRead", runsRead, "eventsRead", eventsRead));
    }
}
