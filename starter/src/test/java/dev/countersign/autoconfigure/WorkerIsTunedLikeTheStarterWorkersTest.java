package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.client.Countersign;
import dev.countersign.task.AgentTaskWorkflow;
import dev.countersign.task.AgentTaskWorkflowImpl;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.spring.boot.WorkflowImplementationOptionsCustomizer;
import io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration;
import io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What tunes temporal-spring-boot-starter's workers tunes Countersign's: its customizer and
 * interceptor beans and the {@code spring.temporal.workers} entry of the task queue reach the worker
 * that runs the tasks.
 */
class WorkerIsTunedLikeTheStarterWorkersTest {

    private static final String IDENTITY = "countersign-tuned-worker";

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
    void aWorkerOptionsCustomizerBeanReachesCountersignsWorker() {
        TunedWorker customizer = new TunedWorker();
        runner.withBean(WorkerOptionsCustomizer.class, () -> customizer).run(context -> {
            Worker worker = context.getBean(CountersignWorker.class).factory().getWorker(AgentTaskWorkflow.TASK_QUEUE);
            assertThat(worker.getWorkerOptions().getMaxConcurrentActivityExecutionSize())
                    .isEqualTo(3);
            assertThat(customizer.taskQueues).containsExactly(AgentTaskWorkflow.TASK_QUEUE);

            Countersign countersign = context.getBean(Countersign.class);
            countersign.start(new TaskStart("tuned", "refunder", "refund", Map.of("amount", 5), "dave"));
            FacadeOnTemporalTest.await(countersign, "tuned", view -> view.status() == TaskStatus.COMPLETED);

            // The identity the customizer set is the one that ran the task's workflow tasks and activities.
            List<String> identities = env.getWorkflowClient().fetchHistory("tuned").getEvents().stream()
                    .filter(event -> event.hasWorkflowTaskCompletedEventAttributes()
                            || event.hasActivityTaskStartedEventAttributes())
                    .map(WorkerIsTunedLikeTheStarterWorkersTest::identity)
                    .distinct()
                    .toList();
            assertThat(identities).containsExactly(IDENTITY);
        });
    }

    @Test
    void workflowImplementationCustomizersAndWorkerInterceptorsReachIt() {
        List<Class<?>> customized = new CopyOnWriteArrayList<>();
        WorkflowImplementationOptionsCustomizer workflows =
                (WorkflowImplementationOptions.Builder options,
                        Worker worker,
                        Class<?> implementation,
                        POJOWorkflowMethodMetadata method) -> {
                    customized.add(implementation);
                    return options;
                };
        CountingInterceptor interceptor = new CountingInterceptor();
        runner.withBean(WorkflowImplementationOptionsCustomizer.class, () -> workflows)
                .withBean(CountingInterceptor.class, () -> interceptor)
                .run(context -> {
                    Countersign countersign = context.getBean(Countersign.class);
                    countersign.start(new TaskStart("intercepted", "refunder", "refund", Map.of("amount", 5), "dave"));
                    FacadeOnTemporalTest.await(
                            countersign, "intercepted", view -> view.status() == TaskStatus.COMPLETED);

                    assertThat(customized).containsExactly(AgentTaskWorkflowImpl.class);
                    assertThat(interceptor.activities.get()).isPositive();
                });
    }

    @Test
    void theStarterWorkersEntryOfTheTaskQueueTunesIt() {
        TunedWorker customizer = new TunedWorker();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ServiceStubsAutoConfiguration.class,
                        TestServerAutoConfiguration.class,
                        RootNamespaceAutoConfiguration.class,
                        CountersignAutoConfiguration.class))
                .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
                .withBean(StarterFixtures.OneRefundAgent.class, StarterFixtures.OneRefundAgent::new)
                .withBean(WorkerOptionsCustomizer.class, () -> customizer)
                .withPropertyValues(
                        "countersign.policy.location=classpath:policies/refunds.yaml",
                        "spring.temporal.test-server.enabled=true",
                        "spring.temporal.workers[0].task-queue=" + AgentTaskWorkflow.TASK_QUEUE,
                        "spring.temporal.workers[0].name=countersign-tuned",
                        "spring.temporal.workers[0].capacity.max-concurrent-workflow-task-executors=5")
                .run(context -> {
                    WorkerOptions options = context.getBean(CountersignWorker.class)
                            .factory()
                            .getWorker(AgentTaskWorkflow.TASK_QUEUE)
                            .getWorkerOptions();
                    assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize())
                            .isEqualTo(5);
                    assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(3);
                    assertThat(customizer.workerNames).contains("countersign-tuned");

                    Countersign countersign = context.getBean(Countersign.class);
                    countersign.start(new TaskStart("configured", "refunder", "refund", Map.of("amount", 5), "dave"));
                    FacadeOnTemporalTest.await(
                            countersign, "configured", view -> view.status() == TaskStatus.COMPLETED);
                });
    }

    private static String identity(HistoryEvent event) {
        return event.hasWorkflowTaskCompletedEventAttributes()
                ? event.getWorkflowTaskCompletedEventAttributes().getIdentity()
                : event.getActivityTaskStartedEventAttributes().getIdentity();
    }

    /** Three activities at a time and a recognisable identity, on Countersign's task queue only. */
    static final class TunedWorker implements WorkerOptionsCustomizer {

        final List<String> taskQueues = new CopyOnWriteArrayList<>();
        final List<String> workerNames = new CopyOnWriteArrayList<>();

        @Override
        public WorkerOptions.Builder customize(WorkerOptions.Builder options, String workerName, String taskQueue) {
            taskQueues.add(taskQueue);
            workerNames.add(workerName);
            return AgentTaskWorkflow.TASK_QUEUE.equals(taskQueue)
                    ? options.setMaxConcurrentActivityExecutionSize(3).setIdentity(IDENTITY)
                    : options;
        }
    }

    /** Counts the activities it sees. */
    static final class CountingInterceptor extends WorkerInterceptorBase {

        final AtomicInteger activities = new AtomicInteger();

        @Override
        public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
            activities.incrementAndGet();
            return next;
        }
    }
}
