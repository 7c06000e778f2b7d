package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.client.Countersign;
import dev.countersign.profile.AgentProfiles;
import dev.countersign.task.StepBudget;
import dev.countersign.task.TaskStart;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The agents file's max-steps and continue-as-new-after: each task starts under its agent's budget. */
class AgentStepBudgetTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
            .withBean(StarterFixtures.OneRefundAgent.class, StarterFixtures.OneRefundAgent::new)
            .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml");

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aTaskStartsUnderItsAgentsConfiguredBudget() throws IOException {
        runner.withPropertyValues(agentsFile("""
                        agents:
                          refunder:
                            max-steps: 40
                            continue-as-new-after: 8
                        """)).run(context -> {
            context.getBean(Countersign.class)
                    .start(new TaskStart("budgeted", "refunder", "refund", Map.of("amount", 5), "dave"));

            Payloads input = env.getWorkflowClient()
                    .fetchHistory("budgeted")
                    .getEvents()
                    .get(0)
                    .getWorkflowExecutionStartedEventAttributes()
                    .getInput();
            TaskStart started = DataConverter.getDefaultInstance()
                    .fromPayloads(0, Optional.of(input), TaskStart.class, TaskStart.class);
            assertThat(started.budget()).isEqualTo(new StepBudget(40, 8));
        });
    }

    @Test
    void withoutAnAgentsFileEveryAgentGetsTheDefaults() {
        runner.run(context -> assertThat(context.getBean(AgentProfiles.class).budgetOf("refunder"))
                .isEqualTo(StepBudget.DEFAULT));
    }

    @Test
    void aBudgetBelowOneStepStopsTheStartNamingTheAgentAndTheKey() throws IOException {
        runner.withPropertyValues(agentsFile("""
                        agents:
                          refunder:
                            max-steps: 0
                        """))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("agent 'refunder'")
                        .hasMessageContaining("max-steps must be at least 1, was 0"));
    }

    @Test
    void anAgentNoModelServesStopsTheStart() throws IOException {
        runner.withPropertyValues(agentsFile("""
                        agents:
                          refunder: {}
                          nobody: {}
                        """))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("no agent model serves [nobody]"));
    }

    private String agentsFile(String yaml) throws IOException {
        Path file = Files.writeString(folder.resolve("agents.yaml"), yaml);
        return "countersign.agents=file:" + file;
    }
}
