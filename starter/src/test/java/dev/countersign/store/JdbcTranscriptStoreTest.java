package dev.countersign.store;

import static dev.countersign.activities.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.activities.store.TranscriptStoreContract;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcTranscriptStoreTest extends TranscriptStoreContract {

    private final DataSource database = database();

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return H2Databases.fresh();
    }

    @Override
    protected TranscriptStore newStore() {
        return new JdbcTaskStore(database, Clock.systemUTC());
    }

    @Test
    void aStoreStartedAgainOnTheSameDatabaseKeepsTheConversations() {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 2));

        JdbcTaskStore restarted = new JdbcTaskStore(database, Clock.systemUTC());

        assertThat(restarted.conversation("t1", "run-1").transcript()).isEqualTo(answers(0, 2));
    }
}
