package dev.countersign.history;

import static dev.countersign.history.Sentences.call;
import static dev.countersign.history.Sentences.colonSentence;
import static dev.countersign.history.Story.details;
import static dev.countersign.history.Story.orSomeone;

import io.temporal.api.history.v1.HistoryEvent;

/** Entries for post-action review: verdicts, rollbacks (one per compensated action), operators' answers. */
final class ReviewEntries {

    private final Story story;

    ReviewEntries(Story story) {
        this.story = story;
    }

    void reviewed(HistoryEvent event, Decoded request, Decoded result) {
        action(event, request.text("reviewer"), request.text("verdict"), request.text("comment"), result);
    }

    void rolledBack(HistoryEvent event, Decoded request, Decoded result) {
        for (Object action : result.list("actions")) {
            action(event, request.text("by"), "ROLLBACK", request.text("comment"), Decoded.of(action));
        }
    }

    void attended(HistoryEvent event, Decoded request, Decoded result) {
        String kind = String.valueOf(request.text("kind"));
        if (kind.equals("DONE") || kind.equals("NOT_DONE")) {
            settled(event, request.text("operatorName"), kind, request.text("comment"), result.text("actionId"));
            return;
        }
        action(event, request.text("operatorName"), request.text("kind"), request.text("comment"), result);
    }

    private void settled(HistoryEvent event, String operator, String outcome, String comment, String actionId) {
        String tool = story.toolOf(actionId);
        boolean done = outcome.equals("DONE");
        story.add(
                event,
                TimelineKind.OUTCOME_SETTLED,
                actionId,
                tool,
                operator,
                orSomeone(operator)
                        + (done ? " confirmed that " : " said that ")
                        + call(tool)
                        + (done ? " was done (it counts as executed, with no tool output)" : " was not done")
                        + colonSentence(comment),
                details("outcome", outcome, "comment", comment));
    }

    private void action(HistoryEvent event, String actor, String verdict, String comment, Decoded result) {
        String actionId = result.text("actionId");
        String tool = story.toolOf(actionId);
        String state = result.object("review").text("state");
        Decoded compensation = result.object("compensation");
        String error = compensation.text("error");
        boolean resolved = compensation.text("resolvedBy") != null;
        TimelineKind kind = kind(state, resolved);
        story.add(
                event,
                kind,
                actionId,
                tool,
                actor,
                sentence(orSomeone(actor), call(tool), kind, String.valueOf(verdict), compensation, comment),
                details(
                        "verdict", verdict,
                        "state", state,
                        "comment", comment,
                        "compensation", compensation.text("compensation"),
                        "result", compensation.map("result"),
                        "error", error,
                        "runs", compensation.integer("runs")));
    }

    private static TimelineKind kind(String state, boolean resolved) {
        return switch (String.valueOf(state)) {
            case "ROLLED_BACK" -> resolved ? TimelineKind.COMPENSATION_RESOLVED : TimelineKind.ROLLED_BACK;
            case "ROLLBACK_FAILED" -> TimelineKind.ROLLBACK_FAILED;
            default -> TimelineKind.REVIEWED;
        };
    }

    private static String sentence(
            String actor, String call, TimelineKind kind, String verdict, Decoded compensation, String comment) {
        String name = compensation.text("compensation");
        return switch (kind) {
            case ROLLED_BACK -> actor + " rolled back " + call + " (" + name + ")" + colonSentence(comment);
            case ROLLBACK_FAILED ->
                actor + " asked to roll back " + call + ", but " + name
                        + " failed after its retries; operators must act" + colonSentence(compensation.text("error"));
            case COMPENSATION_RESOLVED ->
                actor + " marked the failed rollback of " + call + " resolved by hand" + colonSentence(comment);
            default ->
                actor
                        + (verdict.equalsIgnoreCase("FLAG") ? " flagged " : " found ")
                        + call
                        + (verdict.equalsIgnoreCase("FLAG") ? "" : " in order")
                        + colonSentence(comment);
        };
    }
}
