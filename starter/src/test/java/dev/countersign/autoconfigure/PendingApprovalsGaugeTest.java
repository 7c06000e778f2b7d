package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.inbox.TaskDirectory;
import dev.countersign.store.CountersignSchema;
import dev.countersign.store.JdbcClusterLease;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

class PendingApprovalsGaugeTest {

    private final AtomicInteger counts = new AtomicInteger();
    private long pending = 3;
    private boolean failing;
    private Instant now = Instant.parse("2026-11-25T00:00:00Z");

    private final TaskDirectory directory = new TaskDirectory() {
        @Override
        public List<String> openTaskIds() {
            return List.of();
        }

        @Override
        public List<String> awaitingApprovalTaskIds(Collection<String> groups) {
            return List.of();
        }

        @Override
        public long countAwaitingApproval() {
            counts.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("visibility is down");
            }
            return pending;
        }

        @Override
        public List<String> recentTaskIds(int limit) {
            return List.of();
        }
    };

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private double read(SimpleMeterRegistry registry) {
        return registry.get(PendingApprovalsGauge.NAME).gauge().value();
    }

    @Test
    void scrapesWithinTheRefreshIntervalDoNotQueryAgain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new PendingApprovalsGauge(directory, Duration.ofSeconds(2), clock).bindTo(registry);

        assertThat(read(registry)).isEqualTo(3);
        pending = 5;
        assertThat(read(registry)).isEqualTo(3);
        now = now.plusSeconds(3);
        assertThat(read(registry)).isEqualTo(5);
        assertThat(counts).hasValue(2);
    }

    @Test
    void failedCountKeepsTheLastValue() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new PendingApprovalsGauge(directory, Duration.ofSeconds(2), clock).bindTo(registry);
        assertThat(read(registry)).isEqualTo(3);

        failing = true;
        now = now.plusSeconds(3);

        assertThat(read(registry)).isEqualTo(3);
    }

    @Test
    void onlyTheReplicaHoldingTheLeaseExportsAndAnotherTakesOverWhenItStops() {
        startTwoReplicasOnOneDatabase();

        assertThat(read(registryA)).isEqualTo(3);
        assertThat(registryB.find(PendingApprovalsGauge.NAME).gauges()).isEmpty();

        a.close();
        b.renew();
        a.renew(); // a stopped replica's late renewal does not take the lease back

        assertThat(read(registryB)).isEqualTo(3);
        assertThat(registryA.find(PendingApprovalsGauge.NAME).gauges()).isEmpty();
    }

    @Test
    void aHolderThatStopsRenewingLosesTheGaugeToAnother() {
        startTwoReplicasOnOneDatabase();

        now = now.plus(PendingApprovalsGauge.RENEWAL.multipliedBy(4)); // a was stuck for four renewals
        b.renew();
        a.renew();

        assertThat(read(registryB)).isEqualTo(3);
        assertThat(registryA.find(PendingApprovalsGauge.NAME).gauges()).isEmpty();
    }

    private final SimpleMeterRegistry registryA = new SimpleMeterRegistry();
    private final SimpleMeterRegistry registryB = new SimpleMeterRegistry();
    private PendingApprovalsGauge a;
    private PendingApprovalsGauge b;

    /** Replicas a and b, each with its registry, sharing a lease in one database; a starts first. */
    private void startTwoReplicasOnOneDatabase() {
        DataSource database = new EmbeddedDatabaseBuilder()
                .setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .build();
        CountersignSchema.migrate(database);
        a = replica(database, "a");
        b = replica(database, "b");
        a.bindTo(registryA);
        b.bindTo(registryB);
    }

    private PendingApprovalsGauge replica(DataSource database, String name) {
        return new PendingApprovalsGauge(
                directory,
                Duration.ofSeconds(2),
                clock,
                new JdbcClusterLease(
                        database,
                        "pending-approvals-gauge",
                        name,
                        PendingApprovalsGauge.RENEWAL.multipliedBy(3),
                        clock));
    }
}
