package dev.countersign.autoconfigure;

import dev.countersign.agent.AgentActivities;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.policy.PolicyActivities;
import dev.countersign.task.AgentTaskWorkflowImpl;
import dev.countersign.tool.ToolActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
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

    private final WorkerFactory factory;
    private final String taskQueue;
    private volatile boolean running;

    public CountersignWorker(
            WorkflowClient client,
            String taskQueue,
            AgentActivities agent,
            PolicyActivities policy,
            ToolActivities tools,
            NotificationActivities notifications) {
        this.factory = WorkerFactory.newInstance(client);
        this.taskQueue = taskQueue;
        Worker worker = factory.newWorker(taskQueue);
        worker.registerWorkflowImplementationTypes(AgentTaskWorkflowImpl.class);
        worker.registerActivitiesImplementations(agent, policy, tools, notifications);
    }

    @Override
    public void start() {
        factory.start();
        running = true;
        log.info("Countersign worker polls task queue '{}'", taskQueue);
    }

    @Override
    public void stop() {
        factory.shutdown();
        factory.awaitTermination(30, TimeUnit.SECONDS);
        running = false;
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
