package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.client.Countersign;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CountersignAutoConfigurationTest {

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
    void toolBeansPolicyWorkerAndFacadeAreConfigured() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ToolRegistry.class).names()).containsExactly("issue_refund");
            assertThat(context).hasSingleBean(Countersign.class).hasSingleBean(CountersignWorker.class);
        });
    }

    @Test
    void brokenPolicyStopsTheStartNamingTheRule() {
        runner.withPropertyValues("countersign.policy.location=classpath:policies/broken.yaml")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("bad-condition")
                        .hasMessageContaining("broken.yaml"));
    }

    @Test
    void missingPolicyFileStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.policy.location=classpath:policies/nowhere.yaml")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("invalid policy class path resource [policies/nowhere.yaml]")
                        .hasStackTraceContaining("cannot read the policy file (countersign.policy.location)"));
    }

    @Test
    void apiOnlyReplicaRunsNoWorker() {
        runner.withPropertyValues("countersign.worker.enabled=false")
                .run(context ->
                        assertThat(context).hasSingleBean(Countersign.class).doesNotHaveBean(CountersignWorker.class));
    }

    @Test
    void userBeansReplaceTheDefaults() {
        ToolRegistry own = new ToolRegistry(java.util.List.of(new StarterFixtures.RefundTool()));
        runner.withBean("ownRegistry", ToolRegistry.class, () -> own)
                .run(context -> assertThat(context.getBean(ToolRegistry.class)).isSameAs(own));
    }

    @Test
    void blankTaskQueueStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("countersign.task-queue= ")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("countersign.task-queue"));
    }

    @Test
    void policyPlaceholdersAreResolvedFromConfiguration() {
        runner.withPropertyValues("test.limit=500").run(context -> {
            var policy = context.getBean(dev.countersign.activities.policy.PolicySource.class)
                    .current();
            var verdict = policy.evaluate(new dev.countersign.policy.PolicyRequest(
                    "t",
                    "refunder",
                    "dave",
                    java.util.Map.of(),
                    new dev.countersign.agent.ToolCall(
                            "issue_refund", java.util.Map.of("amount", 600), "", 0.9, java.util.List.of())));
            assertThat(verdict.outcome()).isEqualTo(dev.countersign.policy.Outcome.DENY);
            assertThat(verdict.reason()).isEqualTo("above the configured limit");
        });
    }

    @Test
    void unresolvablePlaceholderStopsTheStart() {
        runner.withPropertyValues("countersign.policy.location=classpath:policies/placeholder.yaml")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("unresolved placeholder"));
    }
}
