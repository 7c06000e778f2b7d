package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.inbox.TaskDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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
}
