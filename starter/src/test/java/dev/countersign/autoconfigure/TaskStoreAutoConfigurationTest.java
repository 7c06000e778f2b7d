package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.agent.AgentActivitiesImpl;
import dev.countersign.activities.store.ActionArchive;
import dev.countersign.activities.store.InMemoryTaskStore;
import dev.countersign.activities.store.TranscriptStore;
import dev.countersign.agent.StepRequest;
import dev.countersign.store.JdbcTaskStore;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.ArchivedActions;
import dev.countersign.task.TaskArchiveActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class TaskStoreAutoConfigurationTest {

    private static final String IN_MEMORY_WARNING = "kept in memory only";

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
    void withoutADataSourceTheStoreIsInMemoryAndSaysSoOnce(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasSingleBean(InMemoryTaskStore.class).doesNotHaveBean(JdbcTaskStore.class);
            assertThat(context.getBean(ActionArchive.class)).isSameAs(context.getBean(TranscriptStore.class));
        });

        assertThat(output.getOut().split(IN_MEMORY_WARNING, -1)).hasSize(2);
        assertThat(output.getOut()).contains("WARN");
    }

    @Test
    void withADataSourceTheStoreKeepsItsTablesThere(CapturedOutput output) {
        runner.withBean(DataSource.class, TaskStoreAutoConfigurationTest::h2).run(context -> {
            assertThat(context).hasSingleBean(JdbcTaskStore.class).doesNotHaveBean(InMemoryTaskStore.class);
            assertThat(context.getBean(ActionArchive.class)).isSameAs(context.getBean(TranscriptStore.class));
        });

        assertThat(output.getOut()).doesNotContain(IN_MEMORY_WARNING);
    }

    @Test
    void theAgentActivitiesKeepConversationsInTheStore() {
        runner.run(context -> {
            context.getBean(AgentActivitiesImpl.class)
                    .nextStep(new StepRequest("t1", "run-1", "refunder", 1, "refund", Map.of("amount", 5), 0, null));

            assertThat(context.getBean(TranscriptStore.class)
                            .conversation("t1", "run-1")
                            .goal())
                    .isEqualTo("refund");
        });
    }

    @Test
    void theArchiveActivitiesReadTheActionArchiveBean() {
        runner.run(context -> {
            ActionView action = new ActionView(
                    "a1",
                    "issue_refund",
                    Map.of("amount", 5),
                    "digest",
                    "",
                    null,
                    null,
                    null,
                    null,
                    null,
                    ActionState.EXECUTED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null);

            context.getBean(TaskArchiveActivities.class)
                    .archiveActions(new ArchivedActions("t1", "run-1", List.of(action)));

            assertThat(context.getBean(ActionArchive.class).find("t1", "run-1", "a1"))
                    .contains(action);
        });
    }

    @Test
    void anApplicationStoreReplacesBoth(CapturedOutput output) {
        InMemoryTaskStore own = new InMemoryTaskStore();
        runner.withBean("ownStore", InMemoryTaskStore.class, () -> own)
                .withBean(DataSource.class, TaskStoreAutoConfigurationTest::h2)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(JdbcTaskStore.class);
                    assertThat(context.getBean(TranscriptStore.class)).isSameAs(own);
                    assertThat(context.getBean(ActionArchive.class)).isSameAs(own);
                });

        assertThat(output.getOut()).doesNotContain(IN_MEMORY_WARNING);
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
