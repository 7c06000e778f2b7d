package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The registrar is a bean of its own that registers once every bean exists, before the worker is
 * built and polls; an application can replace it (for example where its namespace is managed
 * elsewhere), and an API-only replica has none.
 */
class SearchAttributesAreRegisteredBeforeTheWorkerPollsTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
            .withBean(StarterFixtures.OneRefundAgent.class, StarterFixtures.OneRefundAgent::new)
            .withBean(WorkerOptionsCustomizer.class, () -> (options, workerName, taskQueue) -> {
                events.add("worker built");
                return options;
            })
            .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml");

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void registrationComesBeforeTheWorkerIsBuilt() {
        runner.withBean(SearchAttributeRegistrar.class, () -> new RecordingRegistrar(env.getWorkflowClient(), events))
                .run(context -> {
                    assertThat(context).hasSingleBean(SearchAttributeRegistrar.class);
                    assertThat(events).containsExactly("registered", "worker built");
                });
    }

    @Test
    void aWorkerProcessHasCountersignsRegistrar() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(SearchAttributeRegistrar.class)
                .hasSingleBean(CountersignWorker.class));
    }

    @Test
    void anApiOnlyReplicaRegistersNothing() {
        runner.withPropertyValues("countersign.worker.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(SearchAttributeRegistrar.class)
                        .doesNotHaveBean(CountersignWorker.class));
    }

    /** Records when it registers, then registers as Countersign's does. */
    static final class RecordingRegistrar extends SearchAttributeRegistrar {

        private final List<String> events;

        RecordingRegistrar(WorkflowClient client, List<String> events) {
            super(client);
            this.events = events;
        }

        @Override
        public void register() {
            events.add("registered");
            super.register();
        }
    }
}
