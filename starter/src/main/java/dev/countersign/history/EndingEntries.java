package dev.countersign.history;

import static dev.countersign.history.Sentences.colonSentence;
import static dev.countersign.history.Story.details;

import io.temporal.api.history.v1.HistoryEvent;

/**
 * Entries for how the task ended: from the workflow's result (a task view whose status may be
 * COMPLETED, FAILED or CANCELLED), or from Temporal when the workflow itself failed, timed out, or
 * was cancelled or terminated there.
 */
final class EndingEntries {

    private final Story story;

    EndingEntries(Story story) {
        this.story = story;
    }

    /** {@code view} is {@link Decoded#EMPTY} when the result could not be read: the end is told anyway. */
    void completed(HistoryEvent event, Decoded view) {
        String status = view.text("status");
        TimelineKind kind = switch (String.valueOf(status)) {
            case "FAILED" -> TimelineKind.FAILED;
            case "CANCELLED" -> TimelineKind.CANCELLED;
            default -> TimelineKind.COMPLETED;
        };
        String ending = switch (kind) {
            case FAILED -> "The task failed";
            case CANCELLED -> "The task was cancelled";
            default -> "The task completed";
        };
        String summary = view.text("summary");
        add(event, kind, status == null ? kind.name() : status, ending + colonSentence(summary), summary);
    }

    void failed(HistoryEvent event) {
        String error = Failures.message(
                event.getWorkflowExecutionFailedEventAttributes().getFailure());
        add(event, TimelineKind.FAILED, "FAILED", "The task's workflow failed" + colonSentence(error), error);
    }

    void timedOut(HistoryEvent event) {
        add(event, TimelineKind.FAILED, "TIMED_OUT", "The task's workflow timed out.", null);
    }

    void canceled(HistoryEvent event) {
        add(event, TimelineKind.CANCELLED, "CANCELLED", "The task's workflow was cancelled in Temporal.", null);
    }

    void terminated(HistoryEvent event) {
        String reason = event.getWorkflowExecutionTerminatedEventAttributes().getReason();
        add(
                event,
                TimelineKind.CANCELLED,
                "TERMINATED",
                "The task's workflow was terminated in Temporal" + colonSentence(reason),
                reason);
    }

    private void add(HistoryEvent event, TimelineKind kind, String status, String sentence, String summary) {
        story.add(event, kind, null, null, null, sentence, details("status", status, "summary", summary));
    }
}
