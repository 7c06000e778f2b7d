package dev.countersign.stats;

import static dev.countersign.stats.Calls.approval;
import static dev.countersign.stats.Calls.auto;
import static dev.countersign.stats.Calls.denied;
import static dev.countersign.stats.Calls.task;
import static dev.countersign.task.DecisionRecordKind.APPROVE;
import static dev.countersign.task.DecisionRecordKind.EDIT;
import static dev.countersign.task.DecisionRecordKind.REJECT;
import static dev.countersign.task.DecisionRecordKind.REQUEST_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Outcome;
import dev.countersign.record.DecisionRecordStore;
import dev.countersign.record.InMemoryDecisionRecordStore;
import dev.countersign.review.ReviewState;
import dev.countersign.task.ActionState;
import dev.countersign.task.DecisionRecordRows;
import dev.countersign.task.TaskView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionStatisticsTest {

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    /**
     * Twelve tasks, counted by hand: small-refunds 5 auto; medium-refunds (9 calls) 4 approved (after 1, 2, 3
     * and 10 minutes), 1 edited (4 min), 1 rejected (5 min), 1 sent back (6 min), 1 pending, 1
     * cancelled; large-refunds 1 timed out; huge-refunds 2 denied.
     */
    private final List<TaskView> tasks = List.of(
            task("t1", auto("small-refunds"), approval("medium-refunds").decided("alice", APPROVE, minutes(1))),
            task("t2", auto("small-refunds"), approval("medium-refunds").decided("alice", APPROVE, minutes(2))),
            task("t3", auto("small-refunds"), approval("medium-refunds").decided("alice", APPROVE, minutes(3))),
            task("t4", auto("small-refunds"), approval("medium-refunds").decided("alice", APPROVE, minutes(10))),
            task("t5", auto("small-refunds")),
            task("t6", approval("medium-refunds").decided("alice", EDIT, minutes(4))),
            task(
                    "t7",
                    approval("medium-refunds")
                            .decided("alice", REJECT, minutes(5))
                            .state(ActionState.REJECTED)),
            task(
                    "t8",
                    approval("medium-refunds")
                            .decided("alice", REQUEST_CHANGES, minutes(6))
                            .state(ActionState.CHANGES_REQUESTED)),
            task("t9", approval("medium-refunds").state(ActionState.PENDING)),
            task("t10", approval("medium-refunds").state(ActionState.CANCELLED)),
            task("t11", approval("large-refunds").timedOut(Duration.ofHours(12))),
            task("t12", denied("huge-refunds"), denied("huge-refunds")));

    @Test
    void countsEveryFatePerToolAndRule() {
        List<RuleStats> rules = DecisionStatistics.of(tasks).rules();

        assertThat(rules)
                .extracting(RuleStats::rule)
                .containsExactly("huge-refunds", "large-refunds", "medium-refunds", "small-refunds");
        RuleStats medium = rules.get(2);
        assertThat(medium.outcome()).isEqualTo("approve");
        assertThat(medium.calls()).isEqualTo(9);
        assertThat(medium.approved()).isEqualTo(4);
        assertThat(medium.edited()).isEqualTo(1);
        assertThat(medium.rejected()).isEqualTo(1);
        assertThat(medium.changesRequested()).isEqualTo(1);
        assertThat(medium.pending()).isEqualTo(1);
        assertThat(medium.cancelled()).isEqualTo(1);
        assertThat(medium.timedOut()).isZero();
        assertThat(rules.get(3).auto()).isEqualTo(5);
        assertThat(rules.get(1).timedOut()).isEqualTo(1);
        assertThat(rules.get(0).denied()).isEqualTo(2);
    }

    @Test
    void timeToDecisionIsTheMedianAndNinetiethPercentileOfWhatPeopleDecided() {
        RuleStats medium = DecisionStatistics.of(tasks).rules().get(2);

        // settled after 1, 2, 3, 4, 5, 6, 10 minutes: nearest-rank median is the 4th, p90 the 7th
        assertThat(medium.medianTimeToDecision()).isEqualTo(minutes(4));
        assertThat(medium.p90TimeToDecision()).isEqualTo(minutes(10));
    }

    @Test
    void aTimeoutIsNotATimeToDecision() {
        RuleStats large = DecisionStatistics.of(tasks).rules().get(1);

        assertThat(large.medianTimeToDecision()).isNull();
        assertThat(large.p90TimeToDecision()).isNull();
    }

    @Test
    void aRuleApprovedUneditedNTimesInARowIsACandidateToRelax() {
        List<TaskView> streak = new ArrayList<>(tasks);
        for (int i = 0; i < 3; i++) {
            streak.add(task("s" + i, approval("medium-refunds").decided("bob", APPROVE, minutes(20 + i))));
        }

        // after the send-back at 6 minutes: approvals at 10, 20, 21 and 22 minutes
        assertThat(DecisionStatistics.of(streak).suggestions(4))
                .containsExactly(new Suggestion(
                        Suggestion.Kind.RELAX,
                        "issue_refund",
                        "medium-refunds",
                        4,
                        "the last 4 requests under this rule were approved unedited (threshold 4);"
                                + " consider letting them run with a review sample"));
        assertThat(DecisionStatistics.of(streak).suggestions(5)).isEmpty();
    }

    @Test
    void anEditOrRejectionBreaksTheStreak() {
        List<TaskView> broken = new ArrayList<>(tasks);
        broken.add(task("late-edit", approval("medium-refunds").decided("bob", EDIT, minutes(30))));

        assertThat(DecisionStatistics.of(broken).suggestions(1)).isEmpty();
    }

    @Test
    void aTimeoutBreaksTheStreakToo() {
        List<TaskView> timedOut = List.of(
                task("x1", approval("large-refunds").decided("bob", APPROVE, minutes(1))),
                task("x2", approval("large-refunds").timedOut(minutes(30))));

        assertThat(DecisionStatistics.of(timedOut).suggestions(1)).isEmpty();
    }

    @Test
    void shadowRulesAreCountedBesideWhatHappened() {
        List<TaskView> shadowed = List.of(
                task(
                        "h1",
                        approval("medium-refunds")
                                .decided("alice", APPROVE, minutes(1))
                                .shadow("relax", Outcome.AUTO)),
                task(
                        "h2",
                        approval("medium-refunds")
                                .decided("alice", APPROVE, minutes(1))
                                .shadow("relax", Outcome.AUTO)),
                task(
                        "h3",
                        approval("medium-refunds")
                                .decided("alice", EDIT, minutes(1))
                                .shadow("relax", Outcome.AUTO)),
                task(
                        "h4",
                        approval("medium-refunds")
                                .decided("alice", REJECT, minutes(1))
                                .state(ActionState.REJECTED)
                                .shadow("relax", Outcome.AUTO)),
                task("h5", approval("medium-refunds").decided("alice", APPROVE, minutes(1))));

        List<ShadowStats> shadows = DecisionStatistics.of(shadowed).shadows();

        assertThat(shadows)
                .containsExactly(new ShadowStats("issue_refund", "relax", "auto", 4, 0, 2, 1, 1, 0, 0, 0, 0, 2));
    }

    @Test
    void aTightenedShadowDisagreesWithCallsThatRanFine() {
        List<TaskView> shadowed = List.of(
                task("g1", auto("small-refunds").shadow("tighten", Outcome.APPROVE)),
                task("g2", auto("small-refunds").shadow("tighten", Outcome.APPROVE)));

        assertThat(DecisionStatistics.of(shadowed).shadows().get(0).disagreements())
                .isEqualTo(2);
    }

    @Test
    void flaggedAutoCallsMakeTheirRuleACandidateToTighten() {
        ReviewMarks flagsT2 = new ReviewMarks() {
            @Override
            public boolean flagged(dev.countersign.task.ActionView action) {
                return action.verdict() == Outcome.AUTO && action.actionId().equals("a1");
            }

            @Override
            public boolean rolledBack(dev.countersign.task.ActionView action) {
                return false;
            }
        };

        List<Suggestion> suggestions = DecisionStatistics.of(tasks, flagsT2).suggestions(50);

        assertThat(suggestions).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.kind()).isEqualTo(Suggestion.Kind.TIGHTEN);
            assertThat(suggestion.rule()).isEqualTo("small-refunds");
            assertThat(suggestion.count()).isEqualTo(5);
        });
        assertThat(DecisionStatistics.of(tasks, flagsT2).rules().get(3).flagged())
                .isEqualTo(5);
    }

    @Test
    void reviewVerdictsOnTheTasksCountAgainstTheirRule() {
        List<TaskView> reviewed = List.of(
                task("r1", auto("small-refunds").reviewed(ReviewState.FLAGGED)),
                task("r2", auto("small-refunds").reviewed(ReviewState.ROLLED_BACK)),
                task("r3", auto("small-refunds").reviewed(ReviewState.OK)),
                task("r4", auto("small-refunds").reviewed(ReviewState.SAMPLED)));

        DecisionStatistics statistics = DecisionStatistics.of(reviewed);

        RuleStats small = statistics.rules().get(0);
        assertThat(small.flagged()).isEqualTo(1);
        assertThat(small.rolledBack()).isEqualTo(1);
        assertThat(statistics.suggestions(50)).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.kind()).isEqualTo(Suggestion.Kind.TIGHTEN);
            assertThat(suggestion.count()).isEqualTo(2);
        });
    }

    @Test
    void aStreakBelowOneIsRefused() {
        assertThatThrownBy(() -> DecisionStatistics.of(tasks).suggestions(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The statistics read from the stored decision record are those of the tasks whose rows it holds:
     * the same fates, times to decision, shadow outcomes, review marks and suggestions.
     */
    @Test
    void theStoredRecordGivesTheNumbersTheTasksGive() {
        List<TaskView> every = new ArrayList<>(tasks);
        every.add(task(
                "s1",
                approval("medium-refunds").decided("alice", EDIT, minutes(3)).shadow("relax", Outcome.AUTO)));
        every.add(task("s2", auto("small-refunds").reviewed(ReviewState.FLAGGED).shadow("strict", Outcome.APPROVE)));
        every.add(task("s3", auto("small-refunds").reviewed(ReviewState.ROLLED_BACK)));
        DecisionRecordStore store = new InMemoryDecisionRecordStore(java.time.Clock.systemUTC());
        for (TaskView task : every) {
            DecisionRecordRows rows = new DecisionRecordRows(task.taskId(), task.requester(), task.agent());
            task.actions().forEach(action -> store.record(rows.of(action)));
        }
        PolicyStatsReader reader =
                new PolicyStatsReader(store, new StatsProperties(1, 1000), java.time.Clock.systemUTC());

        PolicyStats stats = reader.stats(null);

        DecisionStatistics fromTasks = DecisionStatistics.of(every);
        assertThat(stats.tasksRead()).isEqualTo(every.size());
        assertThat(stats.rules()).isEqualTo(fromTasks.rules());
        assertThat(stats.shadows()).isEqualTo(fromTasks.shadows());
        assertThat(reader.suggestions(null, 1)).isEqualTo(fromTasks.suggestions(1));
    }
}
