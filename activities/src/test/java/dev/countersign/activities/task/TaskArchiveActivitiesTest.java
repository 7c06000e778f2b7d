package dev.countersign.activities.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.ArchivedActions;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskArchiveActivitiesTest {

    private final InMemoryTaskStore archive = new InMemoryTaskStore();
    private final TaskArchiveActivitiesImpl activities = new TaskArchiveActivitiesImpl(archive);

    @Test
    void anArchivedActionIsGivenBackAndPagedByTheArchive() {
        activities.archiveActions(new ArchivedActions("t1", "run-1", List.of(action("a2"), action("a1"))));

        assertThat(activities.archivedAction("t1", "run-1", "a2")).isEqualTo(action("a2"));
        assertThat(archive.page("t1", "run-1", 0, 10)).containsExactly(action("a1"), action("a2"));
    }

    @Test
    void archivingTheSameActionsAgainChangesNothing() {
        ArchivedActions actions = new ArchivedActions("t1", "run-1", List.of(action("a1")));
        activities.archiveActions(actions);

        activities.archiveActions(actions);

        assertThat(archive.page("t1", "run-1", 0, 10)).containsExactly(action("a1"));
    }

    @Test
    void anActionNotArchivedIsANonRetryableFailure() {
        activities.archiveActions(new ArchivedActions("t1", "run-1", List.of(action("a1"))));

        ApplicationFailure failure =
                catchThrowableOfType(ApplicationFailure.class, () -> activities.archivedAction("t1", "run-1", "a9"));

        assertThat(failure.getType()).isEqualTo("ActionNotArchived");
        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getOriginalMessage()).contains("a9").contains("'t1'");
    }

    @Test
    void anActionIdThatIsNotNumberedIsANonRetryableFailure() {
        ApplicationFailure failure = catchThrowableOfType(
                ApplicationFailure.class,
                () -> activities.archiveActions(new ArchivedActions("t1", "run-1", List.of(action("x")))));

        assertThat(failure.getType()).isEqualTo(TaskArchiveActivitiesImpl.INVALID_ACTION_ID);
        assertThat(failure.isNonRetryable()).isTrue();
    }

    private static ActionView action(String actionId) {
        return new ActionView(
                actionId,
                "lookup_order",
                Map.of("orderId", "A-7"),
                "digest",
                "",
                null,
                null,
                "everything-else",
                "hash-1",
                null,
                ActionState.EXECUTED,
                Map.of("status", "shipped"),
                null,
                List.of(),
                List.of(),
                Instant.EPOCH,
                null,
                null,
                null,
                false,
                List.of());
    }
}
