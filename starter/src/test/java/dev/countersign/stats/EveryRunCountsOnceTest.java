package dev.countersign.stats;

import static dev.countersign.stats.Calls.approval;
import static dev.countersign.stats.Calls.auto;
import static dev.countersign.task.DecisionRecordKind.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.countersign.record.DecisionRecordStore;
import dev.countersign.record.InMemoryDecisionRecordStore;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecordRows;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task that continued as new counts once in the decision record: the rows its new run sends again
 * for the actions it carried are kept once, beside the earlier runs' rows.
 */
class EveryRunCountsOnceTest {

    private final ActionView a1 = auto("small-refunds").view("a1");
    private final ActionView a2Pending = approval("medium-refunds")
            .state(dev.countersign.task.ActionState.PENDING)
            .view("a2");
    private final ActionView a2 = approval("medium-refunds")
            .decided("alice", APPROVE, Duration.ofMinutes(1))
            .view("a2");
    private final ActionView a3 = approval("medium-refunds")
            .decided("bob", APPROVE, Duration.ofMinutes(2))
            .view("a3");

    private final DecisionRecordStore store = new InMemoryDecisionRecordStore(Clock.systemUTC());
    private final DecisionRecordRows rows = new DecisionRecordRows("long-1", "dave", "support");

    @Test
    void earlierRunsDecisionsAreCountedWithTheLatestRunsOnce() {
        send(a1, a2Pending); // the first run
        send(a1, a2, a3); // the next run sends its carried actions again

        PolicyStats stats = new PolicyStatsReader(store, new StatsProperties(50, 1000), Clock.systemUTC()).stats(null);

        assertThat(stats.tasksRead()).isEqualTo(1);
        assertThat(stats.actionsNotRead()).isZero();
        assertThat(stats.rules())
                .extracting(RuleStats::rule, RuleStats::calls, RuleStats::approved)
                .containsExactly(tuple("medium-refunds", 2, 2), tuple("small-refunds", 1, 0));
    }

    @Test
    void beyondTheReadersLimitTheOlderTasksAreLeftOutAndSaidToBe() {
        send(a1);
        new DecisionRecordRows("later", "dave", "support").of(a3).forEach(row -> store.record(List.of(row)));

        PolicyStats stats = new PolicyStatsReader(store, new StatsProperties(50, 1), Clock.systemUTC()).stats(null);

        assertThat(stats.tasksRead()).isEqualTo(1);
        assertThat(stats.truncated()).isTrue();
    }

    private void send(ActionView... actions) {
        for (ActionView action : actions) {
            store.record(rows.of(action));
        }
    }
}
