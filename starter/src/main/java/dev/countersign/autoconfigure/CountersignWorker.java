package dev.countersign.autoconfigure;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Temporal worker that runs Countersign's workflow and activities on the task queue. Started
 * last and stopped first, so in-flight activities finish before the client goes away. A Temporal
 * WorkerFactory cannot start again once shut down, so each start builds a new one: a context that is
 * stopped and started again (or paused and restarted by Spring's test context cache) polls again.
 */
public class CountersignWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CountersignWorker.class);

    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

    private final Supplier<WorkerFactory> factories;
    private final String taskQueue;
    private final Duration shutdownGrace;
    private volatile WorkerFactory running;

    /**
     * @param factories makes a new, unstarted factory with the task queue's worker on each call
     */
    public CountersignWorker(Supplier<WorkerFactory> factories, String taskQueue, Duration shutdownGrace) {
        this.factories = factories;
        this.taskQueue = taskQueue;
        this.shutdownGrace = shutdownGrace;
    }

    @Override
    public void start() {
        WorkerFactory factory = factories.get();
        factory.start();
        running = factory;
        log.info("Countersign worker polls task queue '{}'", taskQueue);
    }

    /**
     * Stops polling and waits {@code shutdownGrace} for running workflow tasks and activities; then
     * interrupts what still runs (a wedged workflow task, a slow tool) and waits a little more.
     * Temporal hands whatever was interrupted to another worker, so nothing is lost, and the
     * process stops in bounded time, whatever one task does.
     */
    @Override
    public void stop() {
        WorkerFactory factory = running;
        if (factory == null) {
            return;
        }
        running = null;
        factory.shutdown();
        factory.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            log.warn(
                    "Countersign worker: work still running {} after shutdown began; interrupting it (Temporal"
                            + " retries it elsewhere)",
                    shutdownGrace);
            factory.shutdownNow();
            factory.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
            if (!factory.isTerminated()) {
                log.warn(
                        "Countersign worker: still not stopped {} after interrupting; the process goes on stopping",
                        AFTER_INTERRUPT);
            }
        }
        log.info("Countersign worker stopped polling task queue '{}'", taskQueue);
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** The factory of the current run, or null while stopped; each start makes a new one. */
    public WorkerFactory factory() {
        return running;
    }
}
