package dev.countersign.autoconfigure;

import dev.countersign.agent.AgentActivities;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.task.AgentTaskWorkflowImpl;
import dev.countersign.task.TaskArchiveActivities;
import dev.countersign.tool.ToolActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Temporal worker that runs Countersign's workflow and activities on the task queue. Started
 * last and stopped first, so in-flight activities finish before the client goes away.
 */
public class CountersignWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CountersignWorker.class);

    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(5);

    private final WorkerFactory factory;
    private final String taskQueue;
    private final Duration shutdownGrace;
    private volatile boolean running;

    public CountersignWorker(
            WorkflowClient client,
            String taskQueue,
            AgentActivities agent,
            PolicyActivities policy,
            ToolActivities tools,
            NotificationActivities notifications,
            TaskArchiveActivities archive,
            Duration shutdownGrace) {
        this.factory = WorkerFactory.newInstance(client);
        this.taskQueue = taskQueue;
        this.shutdownGrace = shutdownGrace;
        Worker worker = factory.newWorker(taskQueue);
        worker.registerWorkflowImplementationTypes(AgentTaskWorkflowImpl.class);
        worker.registerActivitiesImplementations(agent, policy, tools, notifications, archive);
    }

    @Override
    public void start() {
        factory.start();
        running = true;
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
        running = false;
        log.info("Countersign worker stopped polling task queue '{}'", taskQueue);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    public WorkerFactory factory() {
        return factory;
    }
}
