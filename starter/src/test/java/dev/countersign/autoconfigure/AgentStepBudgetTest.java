package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.client.Countersign;
import dev.countersign.task.StepBudget;
import dev.countersign.task.TaskStart;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** countersign.agents.<name>.max-steps and .continue-as-new-after: each task starts under its agent's budget. */
class AgentStepBudgetTest {

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
    void aTaskStartsUnderItsAgentsConfiguredBudget() {
        runner.withPropertyValues(
                        "countersign.agents.refunder.max-steps=40",
                        "countersign.agents.refunder.continue-as-new-after=8")
                .run(context -> {
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
    void anAgentWithoutSettingsGetsTheDefaults() {
        runner.run(context -> assertThat(
                        context.getBean(CountersignProperties.class).budgetOf("refunder"))
                .isEqualTo(StepBudget.DEFAULT));
    }

    @Test
    void aBudgetBelowOneStepStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.agents.refunder.max-steps=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.agents.refunder.max-steps"));
        runner.withPropertyValues("countersign.agents.refunder.continue-as-new-after=-3")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("countersign.agents.refunder.continue-as-new-after"));
    }
}
