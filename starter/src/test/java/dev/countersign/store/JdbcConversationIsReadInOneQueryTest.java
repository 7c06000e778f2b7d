package dev.countersign.store;

import static dev.countersign.activities.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.TranscriptEntry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcConversationIsReadInOneQueryTest {

    @Test
    void fiveThousandEntriesAreReadWithOneQueryForTheEntries() {
        H2Databases.CountingDataSource database = new H2Databases.CountingDataSource(H2Databases.fresh());
        JdbcTaskStore store = new JdbcTaskStore(database, Clock.systemUTC());
        store.begin("t1", "run-1", "support", "goal", Map.of());
        for (int from = 0; from < 5_000; from += 500) {
            store.append("t1", "run-1", from, answers(from, 500));
        }
        database.statements.set(0);

        List<TranscriptEntry> transcript = store.conversation("t1", "run-1").transcript();

        assertThat(transcript).hasSize(5_000).isEqualTo(answers(0, 5_000));
        assertThat(database.statements.get())
                .as("the conversation's row, then its entries")
                .isEqualTo(2);
    }
}
