package dev.countersign.autoconfigure;

import dev.countersign.inbox.TaskDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code countersign.approvals.pending}: how many tasks wait for a person now, read from the tasks
 * themselves through the task directory. Counted at most once per {@code refresh}, so a scrape
 * does not become a query storm; a failed count keeps the last value and is logged.
 */
public class PendingApprovalsGauge implements MeterBinder {

    public static final String NAME = "countersign.approvals.pending";
    private static final Logger log = LoggerFactory.getLogger(PendingApprovalsGauge.class);

    private final TaskDirectory directory;
    private final Duration refresh;
    private final Clock clock;
    private Instant countedAt = Instant.MIN;
    private double last;

    public PendingApprovalsGauge(TaskDirectory directory, Duration refresh, Clock clock) {
        this.directory = directory;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, this, PendingApprovalsGauge::value)
                .description("Approvals waiting for a reviewer")
                // Micrometer holds a gauge's object weakly; once collected the gauge reads NaN.
                .strongReference(true)
                .register(registry);
    }

    synchronized double value() {
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
