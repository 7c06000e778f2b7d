package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.tool.ToolInvocation;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ToolMethodBeansAreRegisteredTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

    private final ApplicationContextRunner runner = StarterFixtures.refunder(env);

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void toolMethodsOfAnyBeanAreToolsWithSpringAisDefinitionAndCountersignsTags() {
        runner.withBean(SupportDesk.class, SupportDesk::new).run(context -> {
            assertThat(context).hasNotFailed();
            ToolRegistry registry = context.getBean(ToolRegistry.class);
            Tool refund = registry.find("issue_refund").orElseThrow();
            Tool lookup = registry.find("lookup_order").orElseThrow();

            assertThat(registry.names()).containsExactly("issue_refund", "lookup_order");
            assertThat(refund.description()).isEqualTo("Refunds an amount to the customer's card");
            assertThat(refund.jsonSchema())
                    .containsEntry("required", List.of("amount"))
                    .containsEntry(
                            "properties",
                            Map.of("amount", Map.of("type", "number", "description", "how much, in dollars")));
            assertThat(refund.tags()).containsExactly("financial");
            assertThat(refund.compensation().name()).isEqualTo("reverseRefund");
            assertThat(lookup.tags()).containsExactly(Tool.NOT_IDEMPOTENT_TAG);
        });
    }

    @Test
    void toolMethodsAndToolBeansAreRegisteredTogether() {
        runner.withBean(SupportDesk.class, SupportDesk::new)
                .withBean("mailer", Tool.class, MailTool::new)
                .run(context -> assertThat(context.getBean(ToolRegistry.class).names())
                        .containsExactly("issue_refund", "lookup_order", "send_mail"));
    }

    @Test
    void aToolMethodNamedAsAToolBeanStopsTheStartNamingBoth() {
        runner.withBean(SupportDesk.class, SupportDesk::new)
                .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("two tools are named 'issue_refund'")
                        .hasMessageContaining(StarterFixtures.RefundTool.class.getName())
                        .hasMessageContaining("@Tool method " + SupportDesk.class.getName() + ".refund"));
    }

    @Test
    void aLazyBeanWithToolMethodsIsStillRegistered() {
        runner.withBean(SupportDesk.class, SupportDesk::new, definition -> definition.setLazyInit(true))
                .run(context -> assertThat(context.getBean(ToolRegistry.class).names())
                        .contains("issue_refund", "lookup_order"));
    }

    /** A tool bean, as applications declared them before {@code @Tool} methods. */
    static final class MailTool implements Tool {

        @Override
        public String name() {
            return "send_mail";
        }

        @Override
        public ArgumentSchema schema() {
            return ArgumentSchema.of(Map.of("to", ArgumentSpec.string("the address")), "to");
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            return Map.of("sent", true);
        }
    }
}
