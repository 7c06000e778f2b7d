package dev.countersign.stats;

import static dev.countersign.stats.Calls.auto;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.task.ActionIds;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The archive is read page by page in the order of action numbers, within the bound, and only when needed. */
class ArchivedEarlierActionsTest {

    private final List<ActionView> archived = new ArrayList<>();
    private final List<Long> askedAfter = new ArrayList<>();
    private final ActionArchive archive = new ActionArchive() {
        @Override
        public void archive(String taskId, String firstRunId, List<ActionView> actions) {}

        @Override
        public Optional<ActionView> find(String taskId, String firstRunId, String actionId) {
            return Optional.empty();
        }

        @Override
        public List<ActionView> page(String taskId, String firstRunId, long afterNumber, int limit) {
            askedAfter.add(afterNumber);
            return archived.stream()
                    .filter(action -> ActionIds.number(action.actionId()) > afterNumber)
                    .limit(limit)
                    .toList();
        }
    };

    @Test
    void readsEveryPageOfTheArchive() {
        for (int i = 1; i <= ArchivedEarlierActions.PAGE + 7; i++) {
            archived.add(auto("r").view("a" + i));
        }

        List<ActionView> read = new ArchivedEarlierActions(archive, 10_000).of(task(1_000, "run-1"));

        assertThat(read).hasSize(ArchivedEarlierActions.PAGE + 7);
        assertThat(askedAfter).containsExactly(0L, (long) ArchivedEarlierActions.PAGE);
    }

    @Test
    void readsNoMoreThanTheBound() {
        for (int i = 1; i <= 30; i++) {
            archived.add(auto("r").view("a" + i));
        }

        assertThat(new ArchivedEarlierActions(archive, 12).of(task(30, "run-1")))
                .hasSize(12);
    }

    @Test
    void aTaskWhoseViewHoldsAllItsActionsIsNotLookedUp() {
        new ArchivedEarlierActions(archive, 10).of(task(0, "run-1"));
        new ArchivedEarlierActions(archive, 10).of(task(5, null));

        assertThat(askedAfter).isEmpty();
    }

    private static TaskView task(int total, String firstRunId) {
        return Calls.longTask("long-2", List.of(), total, firstRunId);
    }
}
