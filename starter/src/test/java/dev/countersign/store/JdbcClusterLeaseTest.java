package dev.countersign.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcClusterLeaseTest {

    private static final Duration DURATION = Duration.ofSeconds(15);

    private final DataSource database = H2Databases.fresh();
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private JdbcClusterLease replica(String name) {
        return new JdbcClusterLease(database, "gauge", name, DURATION, clock);
    }

    @Test
    void oneReplicaHoldsTheLeaseAndRenewsIt() {
        JdbcClusterLease a = replica("a");
        JdbcClusterLease b = replica("b");

        assertThat(a.acquireOrRenew()).isTrue();
        assertThat(b.acquireOrRenew()).isFalse();
        now = now.plusSeconds(10);
        assertThat(a.acquireOrRenew()).isTrue();
        now = now.plusSeconds(10); // past the first expiry, within the renewed one
        assertThat(b.acquireOrRenew()).isFalse();
        assertThat(a.acquireOrRenew()).isTrue();
    }

    @Test
    void aLeaseNotRenewedIsTakenOverAndItsOldHolderKnowsIt() {
        JdbcClusterLease a = replica("a");
        JdbcClusterLease b = replica("b");
        assertThat(a.acquireOrRenew()).isTrue();

        now = now.plus(DURATION).plusSeconds(1);

        assertThat(b.acquireOrRenew()).isTrue();
        assertThat(a.acquireOrRenew()).isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        JdbcClusterLease a = replica("a");
        JdbcClusterLease b = replica("b");
        assertThat(a.acquireOrRenew()).isTrue();

        b.release(); // not b's to give up
        assertThat(b.acquireOrRenew()).isFalse();
        a.release();

        assertThat(b.acquireOrRenew()).isTrue();
    }

    @Test
    void replicasTryingAtOnceLeaveExactlyOneHolder() throws Exception {
        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(replicas);
        try {
            List<Callable<Boolean>> tries = java.util.stream.IntStream.range(0, replicas)
                    .<Callable<Boolean>>mapToObj(i -> () -> {
                        start.await();
                        return replica("r" + i).acquireOrRenew();
                    })
                    .toList();
            List<Future<Boolean>> results = tries.stream().map(threads::submit).toList();
            start.countDown();
            long holders = 0;
            for (Future<Boolean> result : results) {
                holders += result.get() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
