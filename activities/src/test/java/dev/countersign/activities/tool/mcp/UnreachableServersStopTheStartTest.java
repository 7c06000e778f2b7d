package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A server that cannot be reached at start stops it, with a message naming the server and the cause. */
class UnreachableServersStopTheStartTest {

    @Test
    void aCommandThatDoesNotExistIsNamedWithItsCause() {
        assertThatThrownBy(() -> McpServers.open(
                        Map.of("ghost", McpServerSpec.stdio("countersign-no-such-command", List.of("stdio"))),
                        Set.of()))
                .isInstanceOf(McpServerUnreachable.class)
                .hasMessageStartingWith(
                        "the MCP server 'ghost' (countersign-no-such-command stdio) cannot be reached: ")
                .hasMessageContaining(
                        "the command 'countersign-no-such-command' is not an executable file on the PATH");
    }

    @Test
    void anHttpServerThatRefusesTheConnectionIsNamedWithItsCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/mcp";

        assertThatThrownBy(() -> McpServers.open(
                        Map.of("remote", McpServerSpec.http(url).withTimeout(Duration.ofSeconds(3))), Set.of()))
                .isInstanceOf(McpServerUnreachable.class)
                .hasMessageStartingWith("the MCP server 'remote' (" + url + ") cannot be reached: ");
    }

    @Test
    void aToolTheEntryNamesThatTheServerLacksIsRefused() {
        var everything = ReferenceServers.everything(); // skips the test when the server is not installed
        assertThatThrownBy(() -> McpServers.open(
                        Map.of("everything", everything.withTools(List.of("echo", "no-such-tool"))), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the MCP server 'everything' has no tool(s) [no-such-tool]");
    }
}
