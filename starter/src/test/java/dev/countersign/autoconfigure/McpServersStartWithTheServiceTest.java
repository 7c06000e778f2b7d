package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.agent.AgentActivitiesImpl;
import dev.countersign.activities.model.OpenAiEndpoint;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.activities.tool.mcp.ReferenceServers;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The agents file's MCP servers are connected at start and their tools registered; one that cannot be reached stops the start. */
class McpServersStartWithTheServiceTest {

    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CountersignAutoConfiguration.class))
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(StarterFixtures.RefundTool.class, StarterFixtures.RefundTool::new)
            .withBean(
                    OpenAiEndpoint.class,
                    () -> new OpenAiEndpoint("http://127.0.0.1:9/v1", null, "test-model", Duration.ofSeconds(5)))
            .withPropertyValues("countersign.policy.location=classpath:policies/refunds.yaml");

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aServersToolsAreRegisteredAndItsAgentIsServed() throws IOException {
        String server = ReferenceServers.entryPoint("server-everything");

        runner.withPropertyValues(agentsFile("""
                        agents:
                          helper:
                            instructions: You echo.
                            mcp-servers:
                              everything:
                                command: node
                                args: [%s, stdio]
                                tools: [echo, get-sum]
                        """.formatted(server))).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ToolRegistry.class).names())
                    .contains("issue_refund", "everything_echo", "everything_get-sum")
                    .doesNotContain("everything_get-env");
            assertThat(context.getBean(AgentActivitiesImpl.class).agents()).contains("helper");
        });
    }

    @Test
    void aServerThatCannotBeReachedStopsTheStartNamingIt() throws IOException {
        runner.withPropertyValues(agentsFile("""
                        agents:
                          helper:
                            instructions: You echo.
                            mcp-servers:
                              remote: {url: 'http://127.0.0.1:9/mcp', timeout: PT3S}
                        """))
                .run(
                        context -> assertThat(context)
                                .getFailure()
                                .rootCause()
                                .hasMessageContaining("The agents file is broken")
                                .hasMessageContaining(
                                        "the MCP server 'remote' (http://127.0.0.1:9/mcp) cannot be reached: the connection was refused"));
    }

    private String agentsFile(String yaml) throws IOException {
        Path file = Files.writeString(folder.resolve("agents.yaml"), yaml);
        return "countersign.agents=file:" + file;
    }
}
