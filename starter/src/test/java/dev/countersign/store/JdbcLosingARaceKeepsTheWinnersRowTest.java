package dev.countersign.store;

import static dev.countersign.activities.store.StoredValues.action;
import static dev.countersign.activities.store.StoredValues.answer;
import static dev.countersign.activities.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.ActionState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Another worker stores the same key between this store's check and its insert: the insert's
 * duplicate key is not an error, and the row the other worker stored stays.
 */
class JdbcLosingARaceKeepsTheWinnersRowTest {

    private final DataSource database = database();
    private final JdbcTaskStore rival = new JdbcTaskStore(database, Clock.systemUTC());

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return H2Databases.fresh();
    }

    @Test
    void anEntryStoredMeanwhileIsKept() {
        rival.begin("t1", "run-1", "support", "goal", Map.of());
        H2Databases.RacingDataSource racing = new H2Databases.RacingDataSource(
                database,
                "INSERT INTO countersign_transcript_entry",
                () -> rival.append("t1", "run-1", 0, List.of(answer("the winner's"))));
        JdbcTaskStore store = new JdbcTaskStore(racing, Clock.systemUTC());

        store.append("t1", "run-1", 0, List.of(answer("the loser's"), answer("next")));

        assertThat(racing.raced()).isTrue();
        assertThat(store.conversation("t1", "run-1").transcript())
                .containsExactly(answer("the winner's"), answer("next"));
    }

    @Test
    void aConversationBegunMeanwhileKeepsItsGoal() {
        H2Databases.RacingDataSource racing = new H2Databases.RacingDataSource(
                database,
                "INSERT INTO countersign_conversation",
                () -> rival.begin("t1", "run-1", "support", "the winner's goal", Map.of()));
        JdbcTaskStore store = new JdbcTaskStore(racing, Clock.systemUTC());

        store.begin("t1", "run-1", "support", "the loser's goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 1));

        assertThat(racing.raced()).isTrue();
        assertThat(store.conversation("t1", "run-1").goal()).isEqualTo("the winner's goal");
    }

    @Test
    void anActionArchivedMeanwhileIsReplacedByTheLaterCopy() {
        H2Databases.RacingDataSource racing = new H2Databases.RacingDataSource(
                database,
                "INSERT INTO countersign_archived_action",
                () -> rival.archive("t1", "run-1", List.of(action("a1", ActionState.PENDING))));
        JdbcTaskStore store = new JdbcTaskStore(racing, Clock.systemUTC());

        store.archive("t1", "run-1", List.of(action("a1", ActionState.EXECUTED)));

        assertThat(racing.raced()).isTrue();
        assertThat(store.page("t1", "run-1", 0, 10)).containsExactly(action("a1", ActionState.EXECUTED));
    }
}
