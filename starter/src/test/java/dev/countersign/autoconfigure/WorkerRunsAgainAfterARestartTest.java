package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.client.Countersign;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A context that is stopped and started again, or paused and restarted as Spring's test context
 * cache does, polls again with a new WorkerFactory rather than keeping the dead one.
 */
class WorkerRunsAgainAfterARestartTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
            .withBean(StarterFixtures.OneRefundAgent.class, StarterFixtures.OneRefundAgent::new)
            .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml");

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aStoppedAndStartedContextRunsTasksOnANewFactory() {
        runner.run(context -> {
            CountersignWorker worker = context.getBean(CountersignWorker.class);
            WorkerFactory first = worker.factory();

            context.stop();
            assertThat(worker.isRunning()).isFalse();
            assertThat(first.isTerminated()).isTrue();
            context.start();

            assertThat(worker.factory()).isNotSameAs(first);
            assertThat(worker.factory().isStarted()).isTrue();
            runsATask(context, "after-restart");
        });
    }

    @Test
    void aPausedContextStopsPollingAndPollsAgainWhenRestarted() {
        runner.run(context -> {
            CountersignWorker worker = context.getBean(CountersignWorker.class);
            StarterFixtures.RefundTool tool = context.getBean(StarterFixtures.RefundTool.class);

            context.getSourceApplicationContext(ConfigurableApplicationContext.class)
                    .pause();
            assertThat(worker.isRunning()).isFalse();
            context.getBean(Countersign.class)
                    .start(new TaskStart("while-paused", "refunder", "refund", Map.of("amount", 5), "dave"));
            context.getSourceApplicationContext(ConfigurableApplicationContext.class)
                    .restart();

            FacadeOnTemporalTest.await(
                    context.getBean(Countersign.class), "while-paused", view -> view.status() == TaskStatus.COMPLETED);
            assertThat(tool.runs).hasSize(1);
        });
    }

    private static void runsATask(org.springframework.context.ApplicationContext context, String taskId) {
        Countersign countersign = context.getBean(Countersign.class);
        countersign.start(new TaskStart(taskId, "refunder", "refund", Map.of("amount", 5), "dave"));
        FacadeOnTemporalTest.await(countersign, taskId, view -> view.status() == TaskStatus.COMPLETED);
    }
}
