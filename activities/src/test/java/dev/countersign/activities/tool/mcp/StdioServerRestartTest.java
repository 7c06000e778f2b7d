package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.Tool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stdio MCP server that crashed between calls is started again for the next call. */
class StdioServerRestartTest {

    private McpServers servers;

    @AfterEach
    void close() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aServerKilledBetweenCallsIsRestartedForTheNextCall() throws Exception {
        servers = McpServers.open(
                Map.of("everything", ReferenceServers.everything().withTimeout(Duration.ofSeconds(30))), Set.of());
        Tool echo = servers.tools().stream()
                .filter(tool -> tool.name().equals("everything_echo"))
                .findFirst()
                .orElseThrow();
        assertThat(echo.execute(EverythingServerOverStdioTest.invocation("everything_echo", Map.of("message", "one"))))
                .containsEntry("text", "Echo: one");
        List<ProcessHandle> before = serverProcesses();
        assertThat(before).hasSize(1);

        before.get(0).destroyForcibly();
        before.get(0).onExit().get(10, TimeUnit.SECONDS);

        assertThat(echo.execute(EverythingServerOverStdioTest.invocation("everything_echo", Map.of("message", "two"))))
                .containsEntry("text", "Echo: two");
        assertThat(serverProcesses()).hasSize(1).doesNotContainAnyElementsOf(before);
    }

    private static List<ProcessHandle> serverProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains("server-everything"))
                .toList();
    }
}
