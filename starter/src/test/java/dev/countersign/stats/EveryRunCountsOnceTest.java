package dev.countersign.stats;

import static dev.countersign.stats.Calls.approval;
import static dev.countersign.stats.Calls.auto;
import static dev.countersign.task.DecisionRecordKind.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task that continued as new counts once in the decision record, with its earlier runs' decisions
 * beside those its latest run holds; where nothing gives the earlier ones back, the record says how
 * many it left out.
 */
class EveryRunCountsOnceTest {

    /** Four actions over the task's runs: a1 and a2 archived, a2 and a3 held by the latest run's view. */
    private final ActionView a1 = auto("small-refunds").view("a1");

    private final ActionView a2Archived = approval("medium-refunds").view("a2");
    private final ActionView a2 = approval("medium-refunds")
            .decided("alice", APPROVE, Duration.ofMinutes(1))
            .view("a2");
    private final ActionView a3 = approval("medium-refunds")
            .decided("bob", APPROVE, Duration.ofMinutes(2))
            .view("a3");
    private final TaskView latestRun = Calls.longTask("long-1", List.of(a2, a3), 3, "run-1");

    private final Countersign countersign = mock(Countersign.class);
    private final StatsProperties properties = new StatsProperties(50, 1000);

    @Test
    void earlierRunsDecisionsAreCountedWithTheLatestRunsOnce() {
        when(countersign.taskList(1000)).thenReturn(List.of(TaskRead.of(latestRun)));
        EarlierActions archive = task -> List.of(a1, a2Archived);

        PolicyStats stats = new PolicyStatsReader(countersign, properties, Clock.systemUTC(), archive).stats(null);

        assertThat(stats.tasksRead()).isEqualTo(1);
        assertThat(stats.actionsNotRead()).isZero();
        assertThat(stats.rules())
                .extracting(RuleStats::rule, RuleStats::calls, RuleStats::approved)
                .containsExactly(tuple("medium-refunds", 2, 2), tuple("small-refunds", 1, 0));
    }

    @Test
    void aTaskListedTwiceCountsOnce() {
        when(countersign.taskList(1000)).thenReturn(List.of(TaskRead.of(latestRun), TaskRead.of(latestRun)));

        PolicyStats stats =
                new PolicyStatsReader(countersign, properties, Clock.systemUTC(), task -> List.of(a1)).stats(null);

        assertThat(stats.tasksRead()).isEqualTo(1);
        assertThat(stats.rules()).extracting(RuleStats::calls).containsExactly(2, 1);
    }

    @Test
    void withoutAnArchiveTheEarlierActionsAreSaidToBeLeftOut() {
        when(countersign.taskList(1000)).thenReturn(List.of(TaskRead.of(latestRun)));

        PolicyStats stats = new PolicyStatsReader(countersign, properties, Clock.systemUTC()).stats(null);

        assertThat(stats.actionsNotRead()).isEqualTo(1);
        assertThat(stats.rules()).extracting(RuleStats::calls).containsExactly(2);
    }
}
