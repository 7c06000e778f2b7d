package dev.countersign.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.store.CountersignSchema;
import dev.countersign.store.TestPostgres;
import dev.countersign.task.DecisionEvent;
import dev.countersign.task.DecisionRecordRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision record's table keeps each (task, action, event key) once, whoever sends it again, and
 * deletes what is past its retention; on H2 as the worker embeds it, in H2's PostgreSQL mode, and on
 * PostgreSQL.
 */
class DecisionRecordStoreKeepsEachRowOnceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static final String POSTGRESQL = "PostgreSQL 15";

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    static Stream<String> databases() {
        return Stream.of("", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", POSTGRESQL);
    }

    private static DecisionRecordStore store(String mode) {
        if (mode.equals(POSTGRESQL)) {
            return new JdbcDecisionRecordStore(
                    CountersignSchema.migrate(postgres.dataSource()), Clock.fixed(NOW, ZoneOffset.UTC));
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + mode + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return new JdbcDecisionRecordStore(CountersignSchema.migrate(dataSource), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRowSentAgainIsIgnoredAndTheFirstCopyStays(String mode) {
        DecisionRecordStore store = store(mode);
        DecisionRecordRow approved = Rows.row("t-1", "a2", "decision-0", DecisionEvent.DECISION, "approve", NOW)
                .doneBy("alice");

        assertThat(store.record(
                        List.of(approved, Rows.row("t-1", "a2", "proposal", DecisionEvent.PROPOSAL, null, NOW))))
                .isEqualTo(2);
        assertThat(store.record(List.of(approved.doneBy("mallory")))).isZero();
        assertThat(store.countRowsOf(List.of("t-1", "t-unknown"))).isEqualTo(2);

        assertThat(store.rowsOf(List.of("t-1")))
                .filteredOn(row -> row.eventKey().equals("decision-0"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.by()).isEqualTo("alice");
                    assertThat(row.outcome()).isEqualTo("approve");
                    assertThat(row.at()).isEqualTo(NOW);
                    assertThat(row.requester()).isEqualTo("dave");
                });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rowsPastTheirRetentionAreDeletedAndDeletingAgainChangesNothing(String mode) {
        DecisionRecordStore store = store(mode);
        store.record(List.of(
                Rows.row("old", "a1", "proposal", DecisionEvent.PROPOSAL, null, NOW.minus(Duration.ofDays(401))),
                Rows.row("new", "a1", "proposal", DecisionEvent.PROPOSAL, null, NOW.minus(Duration.ofDays(399)))));
        DecisionRecordPurge purge = new DecisionRecordPurge(
                store,
                new DecisionRecordProperties(Duration.ofDays(400), Duration.ofDays(1), 10),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(purge.purge()).isEqualTo(1);
        assertThat(purge.purge()).isZero();
        assertThat(store.taskIds()).containsExactly("new");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theNewestTasksAreThoseWhoseFirstRowIsLatest(String mode) {
        DecisionRecordStore store = store(mode);
        store.record(List.of(
                Rows.row("first", "a1", "proposal", DecisionEvent.PROPOSAL, null, NOW.minusSeconds(30)),
                Rows.row("first", "a2", "proposal", DecisionEvent.PROPOSAL, null, NOW),
                Rows.row("second", "a1", "proposal", DecisionEvent.PROPOSAL, null, NOW.minusSeconds(20))));

        assertThat(store.newestTasks(null, 10)).containsExactly("second", "first");
        assertThat(store.newestTasks(null, 1)).containsExactly("second");
        assertThat(store.newestTasks(NOW.minusSeconds(25), 10)).containsExactly("second");
    }
}
