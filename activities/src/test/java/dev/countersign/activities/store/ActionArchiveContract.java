package dev.countersign.activities.store;

import static dev.countersign.activities.store.StoredValues.action;
import static dev.countersign.activities.store.StoredValues.executed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ActionArchive does; each archive's test class extends this one. */
public abstract class ActionArchiveContract {

    ActionArchive archive;

    protected abstract ActionArchive newArchive();

    @BeforeEach
    void createArchive() {
        archive = newArchive();
    }

    @Test
    void actionsArePagedInOrderOfTheirNumbers() {
        archive.archive("t1", "run-1", List.of(executed("a10"), executed("a2"), executed("a1"), executed("a11")));

        assertThat(ids(archive.page("t1", "run-1", 0, 10))).containsExactly("a1", "a2", "a10", "a11");
    }

    @Test
    void aPageStartsAfterTheGivenNumberAndHoldsAtMostTheLimit() {
        archive.archive("t1", "run-1", List.of(executed("a1"), executed("a2"), executed("a3"), executed("a10")));

        assertThat(ids(archive.page("t1", "run-1", 1, 2))).containsExactly("a2", "a3");
        assertThat(ids(archive.page("t1", "run-1", 3, 2))).containsExactly("a10");
        assertThat(archive.page("t1", "run-1", 10, 2)).isEmpty();
        assertThat(archive.page("t1", "run-1", 0, 0)).isEmpty();
    }

    @Test
    void pagesWalkAThousandActionsInOrder() {
        archive.archive(
                "t1",
                "run-1",
                IntStream.rangeClosed(1, 1000).mapToObj(n -> executed("a" + n)).toList());

        assertThat(ids(archive.page("t1", "run-1", 995, 100))).containsExactly("a996", "a997", "a998", "a999", "a1000");
        assertThat(ids(archive.page("t1", "run-1", 9, 3))).containsExactly("a10", "a11", "a12");
    }

    @Test
    void archivingAnActionAgainReplacesItsCopy() {
        archive.archive("t1", "run-1", List.of(executed("a1"), executed("a2")));

        archive.archive("t1", "run-1", List.of(action("a2", ActionState.CANCELLED)));

        assertThat(archive.find("t1", "run-1", "a2")).contains(action("a2", ActionState.CANCELLED));
        assertThat(archive.page("t1", "run-1", 0, 10))
                .containsExactly(executed("a1"), action("a2", ActionState.CANCELLED));
    }

    @Test
    void anActionNeverArchivedIsNotFound() {
        archive.archive("t1", "run-1", List.of(executed("a1")));

        assertThat(archive.find("t1", "run-1", "a2")).isEmpty();
        assertThat(archive.find("t1", "run-2", "a1")).isEmpty();
        assertThat(archive.find("t1", "run-1", "not-an-action")).isEmpty();
        assertThat(archive.page("t2", "run-1", 0, 10)).isEmpty();
    }

    @Test
    void anIdThatIsNotANumberedActionIsRefusedAndNothingIsArchived() {
        assertThatThrownBy(() -> archive.archive("t1", "run-1", List.of(executed("a1"), executed("b7"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b7'");
        assertThat(archive.find("t1", "run-1", "a1")).isEmpty();
    }

    @Test
    void workersArchivingTheSameActionsAtOnceAllSucceedAndOneCopyIsKept() throws Exception {
        Concurrently.atOnce(() -> archive.archive("t1", "run-1", List.of(executed("a1"), executed("a2"))));

        assertThat(archive.page("t1", "run-1", 0, 10)).containsExactly(executed("a1"), executed("a2"));
    }

    private static List<String> ids(List<ActionView> actions) {
        return actions.stream().map(ActionView::actionId).toList();
    }
}
