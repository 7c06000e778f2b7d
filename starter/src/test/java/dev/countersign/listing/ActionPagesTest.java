package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionPage;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A read pages the actions of every run, oldest first: the archive's merged with the live ones, a
 * live action overriding its archived copy, the counts left as the whole task's.
 */
class ActionPagesTest {

    static final String TASK = "long-1";
    static final String FIRST_RUN = "run-1";
    static final ActionCounts COUNTS = new ActionCounts(12, Map.of(ActionState.EXECUTED, 11, ActionState.PENDING, 1));

    final InMemoryArchive archive = new InMemoryArchive();

    static ActionView action(int number, ActionState state) {
        return new ActionView(
                "a" + number,
                "lookup_order",
                Map.of("orderId", number),
                "digest",
                "why",
                0.9,
                Outcome.AUTO,
                "rule",
                "hash",
                null,
                state,
                Map.of("ok", true),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null);
    }

    /** Actions a1..a10 archived, a10..a12 live (a10 changed since it was archived: a rollback). */
    TaskView longTask() {
        archive.archive(
                TASK,
                FIRST_RUN,
                IntStream.rangeClosed(1, 10)
                        .mapToObj(n -> action(n, ActionState.EXECUTED))
                        .toList());
        List<ActionView> live = List.of(
                action(10, ActionState.FAILED), action(11, ActionState.EXECUTED), action(12, ActionState.PENDING));
        return new TaskView(
                TASK,
                "support",
                "goal",
                Map.of(),
                "dave",
                TaskStatus.AWAITING_APPROVAL,
                live,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                40,
                0,
                COUNTS,
                FIRST_RUN,
                null,
                null,
                null);
    }

    static List<String> ids(TaskView view) {
        return view.actions().stream().map(ActionView::actionId).toList();
    }

    @Test
    void theFirstPageIsTheOldestArchivedActionsWithTheIdOfTheNext() {
        TaskView page = new ActionPages(archive::page).page(longTask(), null, 4);

        assertThat(ids(page)).containsExactly("a1", "a2", "a3", "a4");
        assertThat(page.page()).isEqualTo(new ActionPage(null, 4, "a4"));
        assertThat(page.counts()).isEqualTo(COUNTS);
    }

    @Test
    void aPageAcrossRunsMergesArchivedAndLiveActionsAndTheLiveCopyWins() {
        TaskView page = new ActionPages(archive::page).page(longTask(), "a8", 3);

        assertThat(ids(page)).containsExactly("a9", "a10", "a11");
        assertThat(page.actions().get(1).state()).isEqualTo(ActionState.FAILED);
        assertThat(page.page().next()).isEqualTo("a11");
    }

    @Test
    void theLastPageHasNoNext() {
        TaskView page = new ActionPages(archive::page).page(longTask(), "a9", 50);

        assertThat(ids(page)).containsExactly("a10", "a11", "a12");
        assertThat(page.page()).isEqualTo(new ActionPage("a9", 50, null));
    }

    @Test
    void aFullPageEndingAtTheLastActionHasNoNext() {
        TaskView page = new ActionPages(archive::page).page(longTask(), "a9", 3);

        assertThat(ids(page)).containsExactly("a10", "a11", "a12");
        assertThat(page.page().next()).isNull();
    }

    @Test
    void pastTheEndThePageIsEmpty() {
        TaskView page = new ActionPages(archive::page).page(longTask(), "a99", 10);

        assertThat(page.actions()).isEmpty();
        assertThat(page.page()).isEqualTo(new ActionPage("a99", 10, null));
    }

    @Test
    void withoutAnArchiveOnlyTheLiveActionsArePagedAndTheCountsSayMoreExist() {
        TaskView page = new ActionPages(ArchivedActionReader.NONE).page(longTask(), null, 2);

        assertThat(ids(page)).containsExactly("a10", "a11");
        assertThat(page.page().next()).isEqualTo("a11");
        assertThat(page.counts().total()).isEqualTo(12);
    }

    @Test
    void aTaskThatNeverContinuedAsNewIsPagedFromItsOwnActions() {
        List<ActionView> actions = List.of(action(1, ActionState.EXECUTED), action(2, ActionState.EXECUTED));
        TaskView whole = new TaskView(
                TASK,
                "support",
                "goal",
                Map.of(),
                "dave",
                TaskStatus.RUNNING,
                actions,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0,
                0,
                ActionCounts.of(actions),
                null,
                null,
                null,
                null);

        TaskView page = new ActionPages(archive::page).page(whole, "a1", 50);

        assertThat(ids(page)).containsExactly("a2");
        assertThat(page.page().next()).isNull();
        assertThat(page.counts().total()).isEqualTo(2);
    }

    @Test
    void anAfterThatIsNoActionIdOrALimitBelowOneIsRefused() {
        ActionPages pages = new ActionPages(archive::page);

        assertThatThrownBy(() -> pages.page(longTask(), "x5", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after");
        assertThatThrownBy(() -> pages.page(longTask(), "a", 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pages.page(longTask(), null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
    }
}
