package dev.countersign.record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes the rows of the decision record past {@code countersign.decision-record.retention}, once at
 * start-up and then every {@code purge-every}. Deleting is idempotent, so every replica may run it.
 */
public class DecisionRecordPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DecisionRecordPurge.class);

    private final DecisionRecordStore store;
    private final DecisionRecordProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public DecisionRecordPurge(DecisionRecordStore store, DecisionRecordProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the rows past their retention now; returns how many. */
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int deleted = store.purgeBefore(cutoff);
        if (deleted > 0) {
            log.info("decision record: deleted {} row(s) of things that happened before {}", deleted, cutoff);
        }
        return deleted;
    }

    private void purgeLogged() {
        try {
            purge();
        } catch (RuntimeException e) {
            // The next run tries again; a scheduled task that throws would never run again.
            log.warn("decision record: could not delete rows past their retention, will try again", e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "countersign-decision-record-purge");
            thread.setDaemon(true);
            return thread;
        });
        Duration every = properties.purgeEvery();
        scheduler.scheduleWithFixedDelay(this::purgeLogged, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
