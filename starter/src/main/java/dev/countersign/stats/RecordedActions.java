package dev.countersign.stats;

import dev.countersign.policy.Outcome;
import dev.countersign.policy.ShadowVerdict;
import dev.countersign.review.ActionReview;
import dev.countersign.review.ReviewState;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionEvent;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import dev.countersign.task.DecisionRecordRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The actions the decision record's rows tell of, as the statistics read an action: its tool,
 * verdict and rule, its reviewers' decisions, what became of it and what post-action review said.
 */
final class RecordedActions {

    private RecordedActions() {}

    /** One view per task and action of the rows, in the rows' order. */
    static List<ActionView> of(List<DecisionRecordRow> rows) {
        Map<String, List<DecisionRecordRow>> byAction = new LinkedHashMap<>();
        rows.forEach(row -> byAction.computeIfAbsent(row.taskId() + "\n" + row.actionId(), key -> new ArrayList<>())
                .add(row));
        return byAction.values().stream().map(RecordedActions::view).toList();
    }

    private static ActionView view(List<DecisionRecordRow> rows) {
        DecisionRecordRow proposal = first(rows, DecisionEvent.PROPOSAL);
        DecisionRecordRow verdict = first(rows, DecisionEvent.VERDICT);
        Outcome outcome = verdict == null || verdict.outcome() == null ? null : outcome(verdict.outcome());
        List<DecisionRecord> decisions = rows.stream()
                .filter(row -> decision(row.kind()))
                .sorted(Comparator.comparingInt(RecordedActions::decisionNumber))
                .map(row -> new DecisionRecord(row.by(), kind(row.outcome()), row.comment(), row.at(), null))
                .toList();
        DecisionRecordRow any = rows.get(0);
        return new ActionView(
                any.actionId(),
                any.tool(),
                Map.of(),
                proposal == null ? null : proposal.argsDigest(),
                null,
                null,
                outcome,
                verdict == null ? null : verdict.rule(),
                verdict == null ? null : verdict.policyHash(),
                outcome == Outcome.DENY ? verdict.comment() : null,
                state(rows, outcome, decisions),
                null,
                null,
                decisions,
                List.of(),
                proposal == null ? null : proposal.at(),
                shadow(verdict),
                review(rows),
                null,
                false,
                List.of());
    }

    private static ActionState state(List<DecisionRecordRow> rows, Outcome outcome, List<DecisionRecord> decisions) {
        if (first(rows, DecisionEvent.CANCELLATION) != null) {
            return ActionState.CANCELLED;
        }
        if (first(rows, DecisionEvent.REFUSAL) != null || outcome == Outcome.DENY) {
            return ActionState.DENIED;
        }
        DecisionRecordRow settlement = first(rows, DecisionEvent.SETTLEMENT);
        if (settlement != null) {
            return "done".equals(settlement.outcome()) ? ActionState.EXECUTED : ActionState.FAILED;
        }
        DecisionRecordRow execution = first(rows, DecisionEvent.EXECUTION);
        if (execution != null) {
            return switch (String.valueOf(execution.outcome())) {
                case "executed" -> ActionState.EXECUTED;
                case "outcome_unknown" -> ActionState.OUTCOME_UNKNOWN;
                default -> ActionState.FAILED;
            };
        }
        if (first(rows, DecisionEvent.EXPIRY) != null) {
            return ActionState.EXPIRED;
        }
        DecisionRecordKind last =
                decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).decision();
        if (last == DecisionRecordKind.REJECT) {
            return ActionState.REJECTED;
        }
        if (last == DecisionRecordKind.REQUEST_CHANGES) {
            return ActionState.CHANGES_REQUESTED;
        }
        if (last == DecisionRecordKind.TIMEOUT) {
            return ActionState.TIMED_OUT;
        }
        return ActionState.PENDING;
    }

    private static ActionReview review(List<DecisionRecordRow> rows) {
        DecisionRecordRow review = first(rows, DecisionEvent.REVIEW);
        if (review == null) {
            return ActionReview.NONE;
        }
        ReviewState state = switch (String.valueOf(review.outcome())) {
            case "ok" -> ReviewState.OK;
            case "flag" -> ReviewState.FLAGGED;
            default -> rolledBack(rows) ? ReviewState.ROLLED_BACK : ReviewState.ROLLBACK_FAILED;
        };
        return new ActionReview(state, review.by(), review.at(), review.comment(), null, List.of());
    }

    /** Whether the last thing a rollback did was undo the action (or an operator resolved it by hand). */
    private static boolean rolledBack(List<DecisionRecordRow> rows) {
        return rows.stream()
                .filter(row -> row.kind() == DecisionEvent.ROLLBACK)
                .max(Comparator.comparing(DecisionRecordRow::at))
                .map(row -> !"failed".equals(row.outcome()))
                .orElse(false);
    }

    private static ShadowVerdict shadow(DecisionRecordRow verdict) {
        if (verdict == null || verdict.shadowRule() == null || verdict.shadowOutcome() == null) {
            return null;
        }
        return new ShadowVerdict(verdict.shadowRule(), outcome(verdict.shadowOutcome()), List.of());
    }

    private static boolean decision(DecisionEvent kind) {
        return kind == DecisionEvent.DECISION
                || kind == DecisionEvent.ESCALATION
                || kind == DecisionEvent.TIMEOUT
                || kind == DecisionEvent.EXPIRY;
    }

    private static int decisionNumber(DecisionRecordRow row) {
        String key = row.eventKey();
        try {
            return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static DecisionRecordKind kind(String wireName) {
        return Arrays.stream(DecisionRecordKind.values())
                .filter(kind -> kind.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the decision record holds a decision '" + wireName + "' this version does not know"));
    }

    private static Outcome outcome(String wireName) {
        return Outcome.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    private static DecisionRecordRow first(List<DecisionRecordRow> rows, DecisionEvent kind) {
        return rows.stream().filter(row -> row.kind() == kind).findFirst().orElse(null);
    }
}
