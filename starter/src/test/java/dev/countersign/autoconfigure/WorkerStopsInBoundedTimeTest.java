package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.agent.AgentModel;
import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.AgentStep;
import dev.countersign.client.Countersign;
import dev.countersign.task.TaskStart;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A stopping worker waits {@code countersign.worker.shutdown-grace} for what runs, then interrupts
 * it: an activity that never returns does not hold up the shutdown (it waited 30 s before).
 */
class WorkerStopsInBoundedTimeTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void anActivityThatNeverReturnsIsInterruptedAfterTheGrace() {
        StuckAgent agent = new StuckAgent();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
                .withBean(WorkflowClient.class, env::getWorkflowClient)
                .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
                .withBean(StuckAgent.class, () -> agent)
                .withPropertyValues(
                        "countersign.policy.location=classpath:policies/refunds.yaml",
                        "countersign.worker.shutdown-grace=PT0.2S")
                .run(context -> {
                    context.getBean(Countersign.class).start(new TaskStart("stuck", "stuck", "goal", Map.of(), "dave"));
                    assertThat(agent.entered.await(20, TimeUnit.SECONDS))
                            .as("the model call started")
                            .isTrue();

                    long started = System.nanoTime();
                    context.getBean(CountersignWorker.class).stop();
                    Duration took = Duration.ofNanos(System.nanoTime() - started);

                    // 0.2 s of grace, then at most 5 s after the interrupt; generous for a loaded machine.
                    assertThat(took).isLessThan(Duration.ofSeconds(10));
                    assertThat(agent.interrupted.await(5, TimeUnit.SECONDS))
                            .as("the stuck model call was interrupted")
                            .isTrue();
                });
    }

    /** A model call that never returns unless interrupted. */
    static final class StuckAgent implements AgentModel {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String agent() {
            return "stuck";
        }

        @Override
        public AgentStep nextStep(AgentRequest request) {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return AgentStep.finish("interrupted");
        }
    }
}
