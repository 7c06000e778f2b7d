package dev.countersign.autoconfigure;

import dev.countersign.inbox.TaskDirectory;
import dev.countersign.store.ClusterLease;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code countersign.approvals.pending}: how many tasks wait for a person now, read from the tasks
 * themselves through the task directory. The count is the same from every replica, so only the
 * replica that holds the {@link ClusterLease} exports it: a Prometheus query sees one series per
 * cluster, never a sum over replicas, and another replica takes over within a renewal when the
 * holder stops. Counted at most once per {@code refresh}, so a scrape does not become a query
 * storm; a failed count keeps the last value and is logged.
 */
public class PendingApprovalsGauge implements MeterBinder, AutoCloseable {

    public static final String NAME = "countersign.approvals.pending";
    /** How often every replica takes or renews the lease; a lease lasts three renewals. */
    public static final Duration RENEWAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(PendingApprovalsGauge.class);

    private final TaskDirectory directory;
    private final Duration refresh;
    private final Clock clock;
    private final ClusterLease lease;
    // Counting has its own lock: a scrape that counts never waits for a renewal that registers.
    private final Object countLock = new Object();
    private Instant countedAt = Instant.MIN;
    private double last;
    private MultiGauge gauge;
    private Boolean exporting;
    private ScheduledExecutorService renewals;

    /** A gauge for a process that is the whole cluster: it always exports. */
    public PendingApprovalsGauge(TaskDirectory directory, Duration refresh, Clock clock) {
        this(directory, refresh, clock, ClusterLease.solo());
    }

    public PendingApprovalsGauge(TaskDirectory directory, Duration refresh, Clock clock, ClusterLease lease) {
        this.directory = directory;
        this.refresh = refresh;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        gauge = MultiGauge.builder(NAME)
                .description("Approvals waiting for a reviewer, exported by one replica of the cluster")
                .register(registry);
        renew();
    }

    /** Renews the lease every {@link #RENEWAL} on a daemon thread, until {@link #close()}. */
    public synchronized void start() {
        if (renewals == null) {
            renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "countersign-pending-gauge-lease");
                thread.setDaemon(true);
                return thread;
            });
            renewals.scheduleWithFixedDelay(this::renew, RENEWAL.toMillis(), RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Takes or renews the lease, and exports the gauge exactly while this replica holds it. */
    synchronized void renew() {
        boolean holds;
        try {
            holds = lease.acquireOrRenew();
        } catch (RuntimeException e) {
            // Without the database nobody can take the lease over; keep what we did until it answers.
            log.warn("could not renew the pending-approvals gauge's lease: {}", e.toString());
            return;
        }
        if (gauge != null && !Boolean.valueOf(holds).equals(exporting)) {
            gauge.register(
                    holds ? List.of(MultiGauge.Row.of(Tags.empty(), this, PendingApprovalsGauge::value)) : List.of(),
                    true);
            log.info(
                    holds ? "this replica exports {} for the cluster" : "another replica exports {} for the cluster",
                    NAME);
            exporting = holds;
        }
    }

    /** Stops renewing and gives the lease up, so another replica exports the gauge from its next renewal. */
    @Override
    public synchronized void close() {
        if (renewals != null) {
            renewals.shutdownNow();
            renewals = null;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("could not release the pending-approvals gauge's lease; it expires by itself: {}", e.toString());
        }
    }

    double value() {
        synchronized (countLock) {
            Instant now = clock.instant();
            if (countedAt.plus(refresh).isAfter(now)) {
                return last;
            }
            try {
                last = directory.countAwaitingApproval();
                countedAt = now;
            } catch (RuntimeException e) {
                log.warn("could not count pending approvals, keeping {}: {}", last, e.toString());
            }
            return last;
        }
    }
}
