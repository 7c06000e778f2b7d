package dev.countersign.stats;

import static dev.countersign.stats.Calls.approval;
import static dev.countersign.stats.Calls.auto;
import static dev.countersign.task.DecisionRecordKind.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;
import dev.countersign.record.DecisionRecordStore;
import dev.countersign.record.InMemoryDecisionRecordStore;
import dev.countersign.task.DecisionRecordRow;
import dev.countersign.task.DecisionRecordRows;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rebuild computes the record again from the tasks Temporal keeps: it adds the rows the store
 * missed, reports a stored row that says something else than the task, and names the tasks only the
 * record still tells of; running it again adds nothing.
 */
class RebuildFromTheTasksTest {

    private final TaskView kept = Calls.task(
            "kept", auto("small-refunds"), approval("medium-refunds").decided("alice", APPROVE, Duration.ofMinutes(1)));
    private final DecisionRecordStore store = new InMemoryDecisionRecordStore(Clock.systemUTC());
    private final Countersign countersign = mock(Countersign.class);
    private final DecisionRecordRebuild rebuild =
            new DecisionRecordRebuild(countersign, EarlierActions.NONE, store, 100, Clock.systemUTC());

    @Test
    void missingRowsAreAddedDifferencesAndVanishedTasksReported() {
        when(countersign.taskList(100)).thenReturn(List.of(TaskRead.of(kept)));
        List<DecisionRecordRow> rows = new DecisionRecordRows("kept", "dave", "support")
                .of(kept.actions().get(1));
        DecisionRecordRow approval = rows.stream()
                .filter(row -> row.eventKey().equals("decision-0"))
                .findFirst()
                .orElseThrow();
        store.record(List.of(approval.doneBy("mallory")));
        store.record(new DecisionRecordRows("gone", "dave", "support")
                .of(auto("small-refunds").view("a1")));

        RebuildReport report = rebuild.rebuild();

        assertThat(report.tasksRead()).isEqualTo(1);
        assertThat(report.truncated()).isFalse();
        assertThat(report.rowsAdded()).isEqualTo(6);
        assertThat(report.added())
                .contains("kept/a1/proposal", "kept/a2/execution")
                .doesNotContain("kept/a2/decision-0");
        assertThat(report.rowsDiffering()).isEqualTo(1);
        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.stored().by()).isEqualTo("mallory");
            assertThat(difference.fromTask().by()).isEqualTo("alice");
        });
        assertThat(report.tasksOnlyInStore()).containsExactly("gone");
        assertThat(report.rowsOnlyInStore()).isEqualTo(3);

        RebuildReport again = rebuild.rebuild();
        assertThat(again.rowsAdded()).isZero();
        assertThat(again.rowsDiffering()).isEqualTo(1);
    }
}
