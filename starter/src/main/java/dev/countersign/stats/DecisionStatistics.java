package dev.countersign.stats;

import dev.countersign.policy.Outcome;
import dev.countersign.policy.ShadowVerdict;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import dev.countersign.task.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Computes the decision record of a policy from actions (task views, or the stored record's rows): counts per tool and rule, time to
 * decision, shadow-rule outcomes, and the rules the record suggests relaxing or tightening. Pure:
 * the same tasks always give the same numbers. Percentiles use the nearest-rank method.
 */
public final class DecisionStatistics {

    private final List<ActionView> actions;
    private final ReviewMarks marks;

    private DecisionStatistics(List<ActionView> actions, ReviewMarks marks) {
        this.actions = List.copyOf(actions);
        this.marks = marks;
    }

    public static DecisionStatistics of(List<TaskView> tasks) {
        return of(tasks, ReviewMarks.FROM_VIEW);
    }

    static DecisionStatistics of(List<TaskView> tasks, ReviewMarks marks) {
        return new DecisionStatistics(
                tasks.stream().flatMap(task -> task.actions().stream()).toList(), marks);
    }

    /** The statistics of these actions, whichever tasks they belong to. */
    public static DecisionStatistics ofActions(List<ActionView> actions) {
        return new DecisionStatistics(actions, ReviewMarks.FROM_VIEW);
    }

    /** Counts per tool and rule, sorted by tool then rule; calls without a rule count under "default". */
    public List<RuleStats> rules() {
        Map<Key, List<ActionView>> byRule = group(action -> action.verdict() != null, this::ruleKey);
        List<RuleStats> stats = new ArrayList<>();
        byRule.forEach((key, calls) -> stats.add(ruleStats(key, calls)));
        return stats;
    }

    /** What each shadow rule would have done, beside what happened, sorted by tool then rule. */
    public List<ShadowStats> shadows() {
        Map<Key, List<ActionView>> byShadow = group(
                action -> action.verdict() != null && action.shadow() != null,
                action -> new Key(action.tool(), action.shadow().rule()));
        List<ShadowStats> stats = new ArrayList<>();
        byShadow.forEach((key, calls) -> stats.add(shadowStats(key, calls)));
        return stats;
    }

    /**
     * Approve rules whose last {@code relaxAfter} or more settled requests were all approved
     * unedited (and not flagged afterwards), then auto rules with calls flagged or rolled back in
     * review.
     */
    public List<Suggestion> suggestions(int relaxAfter) {
        if (relaxAfter < 1) {
            throw new IllegalArgumentException("the streak that suggests relaxing a rule must be at least 1");
        }
        List<Suggestion> relax = new ArrayList<>();
        List<Suggestion> tighten = new ArrayList<>();
        group(action -> action.verdict() != null, this::ruleKey).forEach((key, calls) -> {
            int streak = approvedStreak(calls);
            if (streak >= relaxAfter && calls.get(0).verdict() == Outcome.APPROVE) {
                relax.add(new Suggestion(
                        Suggestion.Kind.RELAX,
                        key.tool(),
                        key.rule(),
                        streak,
                        "the last " + streak + " requests under this rule were approved unedited" + " (threshold "
                                + relaxAfter + "); consider letting them run with a review sample"));
            }
            long bad = calls.stream()
                    .filter(call -> call.verdict() == Outcome.AUTO)
                    .filter(call -> marks.flagged(call) || marks.rolledBack(call))
                    .count();
            if (bad > 0) {
                tighten.add(new Suggestion(
                        Suggestion.Kind.TIGHTEN,
                        key.tool(),
                        key.rule(),
                        (int) bad,
                        bad + " call" + (bad == 1 ? "" : "s") + " that ran on their own under this rule"
                                + " were flagged or rolled back in review; consider asking for approval"));
            }
        });
        relax.addAll(tighten);
        return relax;
    }

    private RuleStats ruleStats(Key key, List<ActionView> calls) {
        Map<Fate, Integer> fates = fates(calls);
        List<Duration> waits = calls.stream()
                .filter(call -> fate(call).decidedByAPerson())
                .map(DecisionStatistics::timeToDecision)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return new RuleStats(
                key.tool(),
                key.rule(),
                calls.get(calls.size() - 1).verdict().name().toLowerCase(Locale.ROOT),
                calls.size(),
                fates.get(Fate.AUTO),
                fates.get(Fate.DENIED),
                fates.get(Fate.APPROVED),
                fates.get(Fate.EDITED),
                fates.get(Fate.REJECTED),
                fates.get(Fate.CHANGES_REQUESTED),
                fates.get(Fate.TIMED_OUT),
                fates.get(Fate.CANCELLED),
                fates.get(Fate.PENDING),
                (int) calls.stream().filter(marks::flagged).count(),
                (int) calls.stream().filter(marks::rolledBack).count(),
                percentile(waits, 50),
                percentile(waits, 90));
    }

    /** What the shadow rule would have done, beside what happened to the calls it matched, counted as for a rule. */
    private ShadowStats shadowStats(Key key, List<ActionView> calls) {
        RuleStats happened = ruleStats(key, calls);
        ShadowVerdict shadow = calls.get(calls.size() - 1).shadow();
        int disagreements = (int) calls.stream()
                .filter(call -> disagrees(call.shadow().outcome(), call))
                .count();
        return new ShadowStats(
                happened.tool(),
                happened.rule(),
                shadow.outcome().name().toLowerCase(Locale.ROOT),
                happened.calls(),
                happened.auto(),
                happened.approved(),
                happened.edited(),
                happened.rejected(),
                happened.changesRequested(),
                happened.timedOut(),
                happened.denied(),
                happened.flagged(),
                disagreements);
    }

    private boolean disagrees(Outcome wouldBe, ActionView call) {
        Fate fate = fate(call);
        boolean flagged = marks.flagged(call) || marks.rolledBack(call);
        if (wouldBe == Outcome.AUTO) {
            return fate == Fate.EDITED || fate == Fate.REJECTED || fate == Fate.CHANGES_REQUESTED || flagged;
        }
        return (fate == Fate.AUTO || fate == Fate.APPROVED) && !flagged;
    }

    /** Settled requests counted back from the newest while they were approved unedited and not flagged. */
    private int approvedStreak(List<ActionView> calls) {
        List<ActionView> settled = calls.stream()
                .filter(call -> fate(call).decidedByAPerson() || fate(call) == Fate.TIMED_OUT)
                .sorted(Comparator.comparing(
                        DecisionStatistics::concludedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        int streak = 0;
        for (int i = settled.size() - 1; i >= 0; i--) {
            ActionView call = settled.get(i);
            if (fate(call) != Fate.APPROVED || marks.flagged(call) || marks.rolledBack(call)) {
                break;
            }
            streak++;
        }
        return streak;
    }

    private Map<Key, List<ActionView>> group(
            Predicate<ActionView> filter, java.util.function.Function<ActionView, Key> key) {
        Map<Key, List<ActionView>> groups = new TreeMap<>();
        for (ActionView action : actions) {
            if (filter.test(action) && fate(action) != null) {
                groups.computeIfAbsent(key.apply(action), k -> new ArrayList<>())
                        .add(action);
            }
        }
        return groups;
    }

    private Key ruleKey(ActionView action) {
        return new Key(action.tool(), action.rule() == null ? "default" : action.rule());
    }

    private static Map<Fate, Integer> fates(List<ActionView> calls) {
        Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        for (Fate fate : Fate.values()) {
            counts.put(fate, 0);
        }
        calls.forEach(call -> counts.merge(fate(call), 1, Integer::sum));
        return counts;
    }

    private static Fate fate(ActionView action) {
        return Fate.of(action);
    }

    /** When the last person decided on the call, or null when nobody did. */
    private static Instant settledAt(ActionView action) {
        return action.decisions().stream()
                .filter(decision -> decision.reviewer() != null && decision.at() != null)
                .map(DecisionRecord::at)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** When a person decided on the call or its last tier timed out, or null. */
    private static Instant concludedAt(ActionView action) {
        return action.decisions().stream()
                .filter(decision -> decision.reviewer() != null || decision.decision() == DecisionRecordKind.TIMEOUT)
                .map(DecisionRecord::at)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Duration timeToDecision(ActionView action) {
        Instant settled = settledAt(action);
        if (settled == null || action.proposedAt() == null || settled.isBefore(action.proposedAt())) {
            return null;
        }
        return Duration.between(action.proposedAt(), settled);
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private record Key(String tool, String rule) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::tool).thenComparing(Key::rule).compare(this, other);
        }
    }
}
