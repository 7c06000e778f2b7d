package dev.countersign.history;

import static dev.countersign.history.Sentences.call;
import static dev.countersign.history.Sentences.colonSentence;
import static dev.countersign.history.Sentences.fields;
import static dev.countersign.history.Sentences.sentence;
import static dev.countersign.history.Story.details;

import dev.countersign.tool.ToolActivities;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import java.util.Map;

/** Entries for what the agent, the policy and the tools did, told from their activities' outcomes. */
final class AgentEntries {

    private final Story story;
    private final DataConverter converter;

    AgentEntries(Story story, DataConverter converter) {
        this.story = story;
        this.converter = converter;
    }

    void nextStep(HistoryEvent event, ScheduledActivity activity, Decoded step) {
        timeouts(event, decode(activity.input()));
        switch (String.valueOf(step.text("kind"))) {
            case "TOOL_CALL" -> proposedCalls(step).forEach(call -> proposed(event, call));
            case "QUESTION" -> asked(event, step.object("question"));
            default -> {
                // FINISH: the task's end carries the agent's summary.
            }
        }
    }

    /**
     * The workflow tells the agent, in its transcript, that nobody answered a request in time; the
     * timeline tells it once, with the cause, before what the agent did next.
     */
    private void timeouts(HistoryEvent event, Decoded request) {
        for (Object item : transcriptEntries(request)) {
            Decoded entry = Decoded.of(item);
            String actionId = entry.text("actionId");
            if (!"TIMED_OUT".equals(entry.text("kind")) || actionId == null || !story.firstTimeout(actionId)) {
                continue;
            }
            String tool = entry.object("call").text("tool");
            String cause = entry.text("text");
            story.add(
                    event,
                    TimelineKind.TIMED_OUT,
                    actionId,
                    tool,
                    null,
                    "Nobody decided on " + call(tool) + " in time" + colonSentence(cause),
                    details("approvalId", story.taskId() + "." + actionId, "cause", cause));
        }
    }

    /**
     * The transcript entries a model call carried: a StepRequest carries those since the previous
     * call ({@code entries}), an AgentRequest of older workflow versions the whole transcript.
     */
    private static List<?> transcriptEntries(Decoded request) {
        List<?> entries = request.list("entries");
        return entries.isEmpty() ? request.list("transcript") : entries;
    }

    /** The calls a step proposed: several since a reply may carry them ({@code toolCalls}), one before. */
    private static List<Decoded> proposedCalls(Decoded step) {
        List<?> calls = step.list("toolCalls");
        if (calls.isEmpty()) {
            return List.of(step.object("toolCall"));
        }
        return calls.stream().map(Decoded::of).toList();
    }

    private void proposed(HistoryEvent event, Decoded call) {
        String tool = call.text("tool");
        Map<String, Object> args = call.map("args");
        story.add(
                event,
                TimelineKind.PROPOSED,
                story.propose(tool),
                tool,
                null,
                "The agent proposed " + call(tool) + "(" + fields(args) + ").",
                details(
                        "tool", tool,
                        "args", args,
                        "rationale", call.text("rationale"),
                        "confidence", call.raw("confidence"),
                        "tags", call.list("tags")));
    }

    private void asked(HistoryEvent event, Decoded question) {
        String text = question.text("text");
        story.add(
                event,
                TimelineKind.QUESTION,
                null,
                null,
                null,
                "The agent asked: " + sentence(text),
                details("text", text, "options", question.list("options")));
    }

    /** A verdict on a proposal, or on a reviewer's edit of it when the evaluation ran for that edit. */
    void verdict(HistoryEvent event, ScheduledActivity activity, Decoded verdict) {
        Decoded call = decode(activity.input()).object("call");
        String tool = call.text("tool");
        UpdateRequest edit = activity.forEdit();
        String editor = edit == null ? null : edit.args().text("reviewer");
        String actionId = edit == null
                ? story.currentAction()
                : Story.actionOf(edit.args().text("approvalId"));
        String outcome = verdict.text("outcome");
        String rule = verdict.text("rule");
        String reason = verdict.text("reason");
        boolean invalid = verdict.flag("argumentsInvalid");
        String subject = editor == null ? call(tool) : editor + "'s edit of " + call(tool);
        story.add(
                event,
                TimelineKind.POLICY_VERDICT,
                actionId,
                tool,
                null,
                verdictSentence(outcome, rule, reason, invalid, subject),
                details(
                        "outcome", outcome,
                        "rule", rule,
                        "policyHash", verdict.text("policyHash"),
                        "tiers", verdict.list("tiers"),
                        "reason", reason,
                        "argsDigest", verdict.text("argsDigest"),
                        "argumentsInvalid", invalid,
                        "args", call.map("args"),
                        "editedBy", editor));
        if ("APPROVE".equals(outcome) && edit == null) {
            awaitingApproval(event, actionId, tool, verdict);
        }
    }

    private static String verdictSentence(String outcome, String rule, String reason, boolean invalid, String subject) {
        String byRule = rule == null ? "" : " (rule " + rule + ")";
        return switch (String.valueOf(outcome)) {
            case "AUTO" -> "The policy let " + subject + " run without review" + byRule + ".";
            case "APPROVE" -> "The policy held " + subject + " for review" + byRule + ".";
            case "DENY" ->
                invalid
                        ? "The policy refused " + subject + " for invalid arguments" + colonSentence(reason)
                        : "The policy denied " + subject + byRule + colonSentence(reason);
            default -> "The policy judged " + subject + ": " + outcome + byRule + ".";
        };
    }

    private void awaitingApproval(HistoryEvent event, String actionId, String tool, Decoded verdict) {
        List<?> tiers = verdict.list("tiers");
        Decoded tier = Decoded.of(tiers.isEmpty() ? null : tiers.get(0));
        Integer required = tier.integer("approvals");
        List<?> groups = tier.list("groups");
        String approvalId = story.taskId() + "." + actionId;
        story.add(
                event,
                TimelineKind.AWAITING_APPROVAL,
                actionId,
                tool,
                null,
                call(tool) + " waits for " + Sentences.count(required, "approval") + " from " + Sentences.either(groups)
                        + " (approval " + approvalId + ").",
                details(
                        "approvalId",
                        approvalId,
                        "tier",
                        tier.text("name"),
                        "groups",
                        groups,
                        "required",
                        required,
                        "sla",
                        tier.text("sla"),
                        "rule",
                        verdict.text("rule")));
    }

    void executed(HistoryEvent event, ScheduledActivity activity, Decoded result) {
        Decoded invocation = decode(activity.input());
        String tool = invocation.text("tool");
        Map<String, Object> output = result.map("output");
        story.add(
                event,
                TimelineKind.EXECUTED,
                actionOf(invocation),
                tool,
                null,
                call(tool) + " ran" + (output == null || output.isEmpty() ? "." : ": " + fields(output) + "."),
                details(
                        "tool",
                        tool,
                        "args",
                        invocation.map("args"),
                        "result",
                        output,
                        "idempotencyKey",
                        invocation.text("idempotencyKey")));
    }

    /**
     * A notification's receipt. An escalation is told here too: the workflow notifies the next tier
     * in the same workflow task in which it escalates, with the reason.
     */
    void notified(HistoryEvent event, ScheduledActivity activity, Decoded receipt) {
        Decoded notification = decode(activity.input());
        Decoded approval = notification.object("approval");
        if (approval.text("approvalId") == null) {
            return; // not a notification this reader understands
        }
        String tool = approval.text("tool");
        String actionId = approval.text("actionId");
        String tier = approval.text("tier");
        if ("ESCALATED".equals(notification.text("kind"))) {
            story.add(
                    event,
                    TimelineKind.ESCALATED,
                    actionId,
                    tool,
                    null,
                    "Escalated to " + tier + colonSentence(notification.text("reason")),
                    details(
                            "approvalId",
                            approval.text("approvalId"),
                            "tier",
                            tier,
                            "groups",
                            approval.list("groups"),
                            "reason",
                            notification.text("reason")));
        }
        List<?> delivered = receipt.list("delivered");
        List<?> failed = receipt.list("failed");
        story.add(
                event,
                TimelineKind.NOTIFIED,
                actionId,
                tool,
                null,
                "Notified " + tier + ": delivered to " + (delivered == null ? 0 : delivered.size()) + " target(s)"
                        + (failed == null || failed.isEmpty() ? "." : ", failed for " + failed + "."),
                details(
                        "approvalId",
                        approval.text("approvalId"),
                        "tier",
                        tier,
                        "delivered",
                        delivered,
                        "failed",
                        failed));
    }

    void toolFailed(HistoryEvent event, ScheduledActivity activity, Failure failure) {
        Decoded invocation = decode(activity.input());
        String tool = invocation.text("tool");
        String error = Failures.message(failure);
        boolean unknown = ToolActivities.OUTCOME_UNKNOWN.equals(Failures.type(failure));
        story.add(
                event,
                unknown ? TimelineKind.OUTCOME_UNKNOWN : TimelineKind.TOOL_FAILED,
                actionOf(invocation),
                tool,
                null,
                unknown
                        ? "The outcome of " + call(tool) + " is unknown; it is not run again, operators must say"
                                + " whether it was done" + colonSentence(error)
                        : call(tool) + " failed" + colonSentence(error),
                details(
                        "tool",
                        tool,
                        "args",
                        invocation.map("args"),
                        "error",
                        error,
                        "errorType",
                        Failures.type(failure)));
    }

    void policyFailed(HistoryEvent event, ScheduledActivity activity, Failure failure) {
        if (activity.forEdit() != null) {
            return; // the edit fails, not the action: the edit's Update tells
        }
        String tool = decode(activity.input()).object("call").text("tool");
        String error = "the policy could not be evaluated: " + Failures.message(failure);
        story.add(
                event,
                TimelineKind.TOOL_FAILED,
                story.currentAction(),
                tool,
                null,
                call(tool) + " failed: " + sentence(error),
                details("tool", tool, "error", error, "errorType", Failures.type(failure)));
    }

    private String actionOf(Decoded invocation) {
        String actionId = invocation.text("actionId");
        return actionId != null ? actionId : story.currentAction();
    }

    private Decoded decode(Payloads payloads) {
        return Decoded.first(converter, payloads);
    }
}
