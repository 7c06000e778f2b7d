package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolException;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.tool.ToolInvocation;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference "everything" MCP server over stdio: its tools as Countersign tools, called as the tool activity calls them. */
class EverythingServerOverStdioTest {

    private static McpServers servers;
    private static ToolRegistry registry;

    @BeforeAll
    static void connect() {
        servers = McpServers.open(
                Map.of("everything", ReferenceServers.everything().withTimeout(Duration.ofSeconds(2))), Set.of());
        registry = new ToolRegistry(servers.tools());
    }

    @AfterAll
    static void close() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void eachToolOfTheServerIsATool() {
        assertThat(registry.names())
                .contains("everything_echo", "everything_get-sum", "everything_trigger-long-running-operation");
        Tool echo = registry.find("everything_echo").orElseThrow();
        assertThat(echo.description()).isEqualTo("Echoes back the input string");
        assertThat(echo.jsonSchema()).containsEntry("type", "object");
        assertThat(echo.jsonSchema()).containsKey("properties");
    }

    @Test
    void aCallReturnsTheServersText() {
        Map<String, Object> result = registry.find("everything_echo")
                .orElseThrow()
                .execute(invocation("everything_echo", Map.of("message", "hello")));

        assertThat(result).containsEntry("text", "Echo: hello");
    }

    @Test
    void anErrorResultIsANonRetryableFailureWithTheServersMessage() {
        Tool sum = registry.find("everything_get-sum").orElseThrow();

        assertThatThrownBy(() -> sum.execute(invocation("everything_get-sum", Map.of("a", "one", "b", 2))))
                .isInstanceOfSatisfying(ToolException.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.type()).isEqualTo(McpTool.SERVER_ERROR);
                })
                .hasMessageContaining("Invalid arguments for tool get-sum");
    }

    @Test
    void aCallTheServerDoesNotAnswerInTimeFailsSayingItMayHaveActed() {
        Tool slow = registry.find("everything_trigger-long-running-operation").orElseThrow();

        assertThatThrownBy(() -> slow.execute(
                        invocation("everything_trigger-long-running-operation", Map.of("duration", 30, "steps", 1))))
                .isInstanceOfSatisfying(ToolException.class, failure -> {
                    assertThat(failure.type()).isEqualTo(McpTool.NO_ANSWER);
                    assertThat(failure.retryable())
                            .as("retried: the server says the tool is idempotent")
                            .isTrue();
                })
                .hasMessageContaining("did not answer trigger-long-running-operation within PT2S")
                .hasMessageContaining("it may still have acted");
    }

    static ToolInvocation invocation(String tool, Map<String, Object> args) {
        return new ToolInvocation("task-1", "action-1", tool, args, null, "task-1/action-1");
    }
}
