package dev.countersign.task;

import dev.countersign.payload.Digests;
import dev.countersign.payload.Json;
import dev.countersign.policy.Outcome;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Derives the rows of the decision record from one action as a task's view shows it: the workflow
 * sends them as they appear, and a rebuild derives them again from the tasks Temporal still keeps.
 * What a view no longer shows (the arguments before an edit, the reviewer of a rollback an
 * operator retried) is null, and a time it does not keep is null too. Pure and deterministic, so
 * workflow code may use it.
 */
public final class DecisionRecordRows {

    static final String NOT_DONE = "not done, says operator ";

    private final String taskId;
    private final String requester;
    private final String agent;

    public DecisionRecordRows(String taskId, String requester, String agent) {
        this.taskId = taskId;
        this.requester = requester;
        this.agent = agent;
    }

    /** The SHA-256 of the canonical JSON of a tool call, as the policy digests the arguments it judges. */
    public static String argsDigest(String tool, Map<String, ?> args) {
        return Digests.sha256Hex(Json.canonical(Map.of("tool", tool, "args", args == null ? Map.of() : args)));
    }

    /** Every row the action's view tells, in the order they happened; none before its verdict. */
    public List<DecisionRecordRow> of(ActionView action) {
        List<DecisionRecordRow> rows = new ArrayList<>();
        if (action.verdict() == null && action.state() == ActionState.PENDING) {
            return rows;
        }
        boolean edited = action.decisions().stream().anyMatch(d -> d.decision() == DecisionRecordKind.EDIT);
        String proposed = edited
                ? null
                : action.argsDigest() != null ? action.argsDigest() : argsDigest(action.tool(), action.args());
        rows.add(row(action, "proposal", DecisionEvent.PROPOSAL, action.proposedAt(), null, null)
                .digests(proposed, null));
        if (action.verdict() != null) {
            rows.add(verdict(action));
        }
        decisions(action, proposed, rows);
        endings(action, rows);
        review(action, rows);
        return rows;
    }

    /**
     * The verdict the view shows: after an edit, the edited call's (the workflow sent the first one
     * before the edit, and a rebuild may find that the rule changed).
     */
    private DecisionRecordRow verdict(ActionView action) {
        return new DecisionRecordRow(
                taskId,
                action.actionId(),
                "verdict",
                DecisionEvent.VERDICT,
                action.proposedAt(),
                requester,
                agent,
                action.tool(),
                wire(action.verdict()),
                action.rule(),
                action.policyHash(),
                null,
                null,
                null,
                action.verdict() == Outcome.DENY ? action.reason() : null,
                action.shadow() == null ? null : action.shadow().rule(),
                action.shadow() == null ? null : wire(action.shadow().outcome()));
    }

    private void decisions(ActionView action, String proposed, List<DecisionRecordRow> rows) {
        String before = proposed;
        for (int i = 0; i < action.decisions().size(); i++) {
            DecisionRecord decision = action.decisions().get(i);
            DecisionRecordRow row = row(
                            action,
                            "decision-" + i,
                            event(decision.decision()),
                            decision.at(),
                            decision.decision().wireName(),
                            decision.comment())
                    .doneBy(decision.reviewer());
            if (decision.decision() == DecisionRecordKind.EDIT) {
                String after = decision.args() == null ? null : argsDigest(action.tool(), decision.args());
                row = row.digests(after, before);
                before = after;
            }
            rows.add(row);
        }
    }

    private static DecisionEvent event(DecisionRecordKind kind) {
        return switch (kind) {
            case ESCALATE -> DecisionEvent.ESCALATION;
            case TIMEOUT -> DecisionEvent.TIMEOUT;
            case EXPIRE -> DecisionEvent.EXPIRY;
            default -> DecisionEvent.DECISION;
        };
    }

    private void endings(ActionView action, List<DecisionRecordRow> rows) {
        ActionState state = action.state();
        Map<String, Object> result = action.result();
        boolean confirmed = state == ActionState.EXECUTED
                && result != null
                && "done".equals(result.get("outcome"))
                && result.get("confirmedBy") instanceof String;
        boolean notDone = state == ActionState.FAILED
                && action.error() != null
                && action.error().startsWith(NOT_DONE);
        switch (state) {
            case CANCELLED ->
                rows.add(row(action, "cancellation", DecisionEvent.CANCELLATION, null, "cancelled", null));
            case DENIED -> {
                if (action.verdict() != null && action.verdict() != Outcome.DENY) {
                    rows.add(row(action, "refusal", DecisionEvent.REFUSAL, null, "refused_again", action.error()));
                }
            }
            case OUTCOME_UNKNOWN -> rows.add(execution(action, "outcome_unknown", action.error()));
            case EXECUTED, FAILED -> {
                if (confirmed || notDone) {
                    rows.add(execution(action, "outcome_unknown", null));
                    rows.add(settlement(action, confirmed));
                } else {
                    rows.add(execution(action, state == ActionState.EXECUTED ? "executed" : "failed", action.error()));
                }
            }
            default -> {
                // pending, awaiting collection, rejected, sent back, timed out, expired: told by the decisions
            }
        }
    }

    private DecisionRecordRow execution(ActionView action, String outcome, String error) {
        return row(action, "execution", DecisionEvent.EXECUTION, null, outcome, error);
    }

    private DecisionRecordRow settlement(ActionView action, boolean done) {
        if (done) {
            return row(action, "settlement", DecisionEvent.SETTLEMENT, null, "done", (String)
                            action.result().get("comment"))
                    .doneBy((String) action.result().get("confirmedBy"));
        }
        String said = action.error().substring(NOT_DONE.length());
        int colon = said.indexOf(": ");
        return row(
                        action,
                        "settlement",
                        DecisionEvent.SETTLEMENT,
                        null,
                        "not_done",
                        colon < 0 ? null : said.substring(colon + 2))
                .doneBy(colon < 0 ? null : said.substring(0, colon));
    }

    private void review(ActionView action, List<DecisionRecordRow> rows) {
        ActionReview review = action.review();
        CompensationRecord compensation = action.compensation();
        String verdict = switch (review.state()) {
            case OK -> "ok";
            case FLAGGED -> "flag";
            case ROLLED_BACK, ROLLBACK_FAILED -> "rollback";
            default -> null;
        };
        if (verdict == null) {
            return;
        }
        // A retry or a resolution by an operator overwrites who asked for the rollback, and when.
        boolean overwritten = compensation != null && (compensation.resolvedBy() != null || compensation.runs() > 1);
        rows.add(row(
                        action,
                        "review",
                        DecisionEvent.REVIEW,
                        overwritten ? null : review.at(),
                        verdict,
                        overwritten ? null : review.comment())
                .doneBy(overwritten ? null : review.reviewer()));
        if (compensation == null) {
            return;
        }
        boolean resolved = compensation.resolvedBy() != null;
        rows.add(row(
                action,
                "rollback-" + compensation.runs(),
                DecisionEvent.ROLLBACK,
                resolved ? null : compensation.at(),
                compensation.error() == null ? "rolled_back" : "failed",
                compensation.error()));
        if (resolved) {
            rows.add(row(
                            action,
                            "rollback-resolved",
                            DecisionEvent.ROLLBACK,
                            compensation.at(),
                            "resolved",
                            compensation.resolution())
                    .doneBy(compensation.resolvedBy()));
        }
    }

    private DecisionRecordRow row(
            ActionView action, String key, DecisionEvent kind, Instant at, String outcome, String comment) {
        return new DecisionRecordRow(
                taskId,
                action.actionId(),
                key,
                kind,
                at,
                requester,
                agent,
                action.tool(),
                outcome,
                null,
                null,
                null,
                null,
                null,
                comment,
                null,
                null);
    }

    private static String wire(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
