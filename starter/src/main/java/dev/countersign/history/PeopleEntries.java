package dev.countersign.history;

import static dev.countersign.history.Sentences.call;
import static dev.countersign.history.Sentences.colonSentence;
import static dev.countersign.history.Sentences.fields;
import static dev.countersign.history.Sentences.sentence;
import static dev.countersign.history.Story.details;
import static dev.countersign.history.Story.orSomeone;

import dev.countersign.approval.DecisionKind;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Entries for what people did: start the task, decide, answer, steer, cancel. */
final class PeopleEntries {

    private final Story story;
    private final Set<String> decisionIds = new HashSet<>();

    PeopleEntries(Story story) {
        this.story = story;
    }

    void started(HistoryEvent event, Decoded start) {
        story.named(start.text("taskId"));
        String requester = start.text("requester");
        String agent = start.text("agent");
        String goal = start.text("goal");
        story.add(
                event,
                TimelineKind.STARTED,
                null,
                null,
                requester,
                orSomeone(requester) + " started the task for the " + agent + " agent" + colonSentence(goal),
                details("requester", requester, "agent", agent, "goal", goal, "input", start.map("input")));
    }

    void decided(HistoryEvent event, Decoded request, Decoded result) {
        String decisionId = request.text("decisionId");
        if (decisionId != null && !decisionIds.add(decisionId)) {
            return; // a repeated delivery answered with the earlier result; nothing happened twice
        }
        String approvalId = request.text("approvalId");
        String actionId = Story.actionOf(approvalId);
        String tool = story.toolOf(actionId);
        String reviewer = request.text("reviewer");
        String decision = request.text("kind");
        Map<String, Object> editedArgs = kindOf(request) == DecisionKind.EDIT ? request.map("args") : null;
        String comment = request.text("comment");
        story.add(
                event,
                TimelineKind.DECISION,
                actionId,
                tool,
                reviewer,
                decisionSentence(reviewer, request, call(tool), editedArgs, comment, result),
                details(
                        "approvalId", approvalId,
                        "reviewer", reviewer,
                        "decision", decision,
                        "comment", comment,
                        "args", editedArgs,
                        "state", result.text("state"),
                        "approvals", result.integer("approvals"),
                        "required", result.integer("required"),
                        "argsDigest", result.text("argsDigest")));
    }

    private static String decisionSentence(
            String reviewer, Decoded request, String call, Map<String, Object> args, String comment, Decoded result) {
        String tally = " (" + result.integer("approvals") + " of "
                + Sentences.count(result.integer("required"), "approval") + ", now "
                + String.valueOf(result.text("state")).toLowerCase() + ")";
        DecisionKind kind = kindOf(request);
        if (kind == null) {
            return reviewer + " decided " + request.text("kind") + " on " + call + tally + ".";
        }
        return switch (kind) {
            case APPROVE -> reviewer + " approved " + call + tally + colonSentence(comment);
            case EDIT -> reviewer + " edited " + call + " to " + fields(args) + tally + colonSentence(comment);
            case REJECT -> reviewer + " rejected " + call + colonSentence(comment);
            case REQUEST_CHANGES -> reviewer + " sent " + call + " back to the agent" + colonSentence(comment);
        };
    }

    /** The kind of a recorded decide request, or null when its {@code kind} is none we know. */
    static DecisionKind kindOf(Decoded request) {
        return DecisionKind.fromWireName(request.text("kind")).orElse(null);
    }

    /** An Update the workflow accepted and then refused in its handler. */
    void refused(HistoryEvent event, UpdateRequest request, Failure failure) {
        Decoded args = request.args();
        boolean decision = request.name().equals("decide");
        String actor = decision ? args.text("reviewer") : firstOf(args, "by", "reviewer", "operatorName");
        String approvalId = decision ? args.text("approvalId") : null;
        String actionId = decision ? Story.actionOf(approvalId) : args.text("actionId");
        String tool = story.toolOf(actionId);
        String what = decision ? decisionNoun(kindOf(args)) + " of " + call(tool) : updateNoun(request.name());
        String error = Failures.message(failure);
        story.add(
                event,
                TimelineKind.DECISION_FAILED,
                actionId,
                tool,
                actor,
                orSomeone(actor) + "'s " + what + " was refused" + colonSentence(error),
                details(
                        "update",
                        request.name(),
                        "approvalId",
                        approvalId,
                        "decision",
                        decision ? args.text("kind") : null,
                        "error",
                        error,
                        "errorType",
                        Failures.refusalType(failure)));
    }

    private static String decisionNoun(DecisionKind kind) {
        if (kind == null) {
            return "decision";
        }
        return switch (kind) {
            case APPROVE -> "approval";
            case REJECT -> "rejection";
            case EDIT -> "edit";
            case REQUEST_CHANGES -> "request for changes";
        };
    }

    private static String updateNoun(String update) {
        return switch (update) {
            case "cancel", "cancelAndRollBack" -> "cancellation";
            case "attend" -> "retry or resolution";
            default -> update;
        };
    }

    private static String firstOf(Decoded args, String... names) {
        for (String name : names) {
            if (args.text(name) != null) {
                return args.text(name);
            }
        }
        return null;
    }

    void answered(HistoryEvent event, Decoded message, Decoded result) {
        byPerson(event, TimelineKind.ANSWER, message, "text", text -> " answered: " + sentence(text));
    }

    void cancelRequested(HistoryEvent event, Decoded message, Decoded result) {
        byPerson(
                event,
                TimelineKind.CANCEL_REQUESTED,
                message,
                "reason",
                reason -> " asked to cancel the task" + colonSentence(reason));
    }

    void guided(HistoryEvent event, Decoded message) {
        byPerson(event, TimelineKind.GUIDANCE, message, "text", text -> " sent guidance: " + sentence(text));
    }

    /**
     * An entry for a person's message to the task (its {@code by} and {@code text}): the sentence is the
     * sender and what {@code saying} makes of the text; the details name the text {@code textName}.
     */
    private void byPerson(
            HistoryEvent event, TimelineKind kind, Decoded message, String textName, UnaryOperator<String> saying) {
        String by = message.text("by");
        String text = message.text("text");
        story.add(event, kind, null, null, by, orSomeone(by) + saying.apply(text), details("by", by, textName, text));
    }

    /** A cancellation asked of Temporal directly (CLI, Web UI), outside Countersign's API. */
    void temporalCancelRequested(HistoryEvent event) {
        var attributes = event.getWorkflowExecutionCancelRequestedEventAttributes();
        story.add(
                event,
                TimelineKind.CANCEL_REQUESTED,
                null,
                null,
                null,
                "Temporal was asked to cancel the task's workflow" + colonSentence(attributes.getCause()),
                details("reason", attributes.getCause(), "identity", attributes.getIdentity(), "source", "temporal"));
    }
}
