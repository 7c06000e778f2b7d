package dev.countersign.stats;

import dev.countersign.policy.Outcome;
import dev.countersign.policy.ShadowVerdict;
import dev.countersign.review.ActionReview;
import dev.countersign.review.ReviewState;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made actions and tasks, so expected statistics can be counted by hand. */
final class Calls {

    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private final String tool;
    private final String rule;
    private final Outcome verdict;
    private ActionState state = ActionState.EXECUTED;
    private final List<DecisionRecord> decisions = new ArrayList<>();
    private Instant proposedAt = T0;
    private ShadowVerdict shadow;
    private ReviewState review = ReviewState.NONE;

    private Calls(String tool, String rule, Outcome verdict) {
        this.tool = tool;
        this.rule = rule;
        this.verdict = verdict;
    }

    static Calls auto(String rule) {
        return new Calls("issue_refund", rule, Outcome.AUTO);
    }

    static Calls denied(String rule) {
        return new Calls("issue_refund", rule, Outcome.DENY).state(ActionState.DENIED);
    }

    static Calls approval(String rule) {
        return new Calls("issue_refund", rule, Outcome.APPROVE);
    }

    Calls proposedAt(Instant at) {
        this.proposedAt = at;
        return this;
    }

    Calls state(ActionState newState) {
        this.state = newState;
        return this;
    }

    /** A person's decision {@code after} the proposal. */
    Calls decided(String reviewer, DecisionRecordKind decision, Duration after) {
        decisions.add(new DecisionRecord(reviewer, decision, "", proposedAt.plus(after), null));
        return this;
    }

    Calls timedOut(Duration after) {
        decisions.add(
                new DecisionRecord(null, DecisionRecordKind.TIMEOUT, "nobody answered", proposedAt.plus(after), null));
        return this.state(ActionState.TIMED_OUT);
    }

    Calls shadow(String shadowRule, Outcome wouldBe) {
        this.shadow = new ShadowVerdict(shadowRule, wouldBe, List.of());
        return this;
    }

    Calls reviewed(ReviewState state) {
        this.review = state;
        return this;
    }

    ActionView view(String actionId) {
        return new ActionView(
                actionId,
                tool,
                Map.of("amount", 1),
                "digest",
                "",
                0.9,
                verdict,
                rule,
                "hash",
                "",
                state,
                null,
                null,
                decisions,
                List.of(),
                proposedAt,
                shadow,
                new ActionReview(review, review == ReviewState.NONE ? null : "olga", null, null, null, List.of()),
                null,
                verdict != Outcome.DENY,
                verdict == Outcome.APPROVE ? List.of("support-leads") : List.of());
    }

    static TaskView task(String taskId, Calls... calls) {
        List<ActionView> actions = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            actions.add(calls[i].view("a" + (i + 1)));
        }
        return new TaskView(
                taskId,
                "support",
                "goal",
                Map.of(),
                "dave",
                TaskStatus.COMPLETED,
                actions,
                null,
                null,
                null,
                "",
                T0,
                T0,
                0,
                0,
                ActionCounts.of(actions),
                null,
                null,
                null,
                null);
    }

    /** A task that continued as new: its view holds {@code held} of the {@code total} actions of all its runs. */
    static TaskView longTask(String taskId, List<ActionView> held, int total, String firstRunId) {
        return new TaskView(
                taskId,
                "support",
                "goal",
                Map.of(),
                "dave",
                TaskStatus.RUNNING,
                held,
                null,
                null,
                null,
                "",
                T0,
                T0,
                0,
                0,
                new ActionCounts(total, Map.of()),
                firstRunId,
                null,
                null,
                null);
    }
}
