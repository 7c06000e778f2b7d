package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.countersign.activities.tool.ToolRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference "everything" MCP server over streamable HTTP, on a free loopback port. */
class EverythingServerOverHttpTest {

    private static Process server;
    private static McpServers servers;
    private static ToolRegistry registry;

    @BeforeAll
    static void start() throws IOException {
        String entryPoint = ReferenceServers.entryPoint("server-everything");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("node", entryPoint, "streamableHttp")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", String.valueOf(port));
        server = builder.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> listening(port));
        servers = McpServers.open(
                Map.of(
                        "remote",
                        McpServerSpec.http("http://127.0.0.1:" + port + "/mcp")
                                .withTimeout(Duration.ofSeconds(2))
                                .withTools(java.util.List.of("echo", "get-structured-content"))),
                Set.of());
        registry = new ToolRegistry(servers.tools());
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void onlyTheToolsTheEntryNamesAreExposed() {
        assertThat(registry.names()).containsExactlyInAnyOrder("remote_echo", "remote_get-structured-content");
    }

    @Test
    void aCallOverHttpReturnsTheServersTextAndStructuredContent() {
        assertThat(registry.find("remote_echo")
                        .orElseThrow()
                        .execute(EverythingServerOverStdioTest.invocation(
                                "remote_echo", Map.of("message", "over http"))))
                .containsEntry("text", "Echo: over http");
        Map<String, Object> weather = registry.find("remote_get-structured-content")
                .orElseThrow()
                .execute(EverythingServerOverStdioTest.invocation(
                        "remote_get-structured-content", Map.of("location", "Chicago")));
        assertThat(weather).containsKey("structuredContent");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
