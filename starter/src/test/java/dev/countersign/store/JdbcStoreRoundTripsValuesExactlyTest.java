package dev.countersign.store;

import static dev.countersign.activities.store.StoredValues.answer;
import static dev.countersign.activities.store.StoredValues.full;
import static dev.countersign.activities.store.StoredValues.guidance;
import static dev.countersign.activities.store.StoredValues.nested;
import static dev.countersign.activities.store.StoredValues.toolResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.TranscriptEntry;
import dev.countersign.task.ActionView;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcStoreRoundTripsValuesExactlyTest {

    static List<DataSource> databases() {
        return List.of(H2Databases.fresh(), H2Databases.freshPostgresLike());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void entriesWithToolCallsNestedJsonAndInstantsComeBackEqual(DataSource database) {
        JdbcTaskStore store = new JdbcTaskStore(database, Clock.systemUTC());
        List<TranscriptEntry> entries = List.of(toolResult("a1"), guidance(), answer("a \"quoted\"\nanswer"));
        store.begin("t1", "run-1", "support", "refund ü€😀", nested());

        store.append("t1", "run-1", 0, entries);

        assertThat(store.conversation("t1", "run-1"))
                .isEqualTo(new AgentRequest("t1", "support", "refund ü€😀", nested(), entries));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anActionWithEveryFieldComesBackEqual(DataSource database) {
        JdbcTaskStore store = new JdbcTaskStore(database, Clock.systemUTC());
        ActionView action = full("a7");

        store.archive("t1", "run-1", List.of(action));

        assertThat(store.find("t1", "run-1", "a7")).contains(action);
        assertThat(store.page("t1", "run-1", 0, 10)).containsExactly(action);
    }
}
