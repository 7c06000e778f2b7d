package dev.countersign.bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The bench's MCP server over streamable HTTP, in the bench JVM (MCP Java SDK server on an embedded
 * Tomcat, loopback only): one tool, {@code touch {"gate": id}}, that records the instant it was called
 * in {@link Touches}. Countersign's agents reach it as {@code bench_touch} and {@code bench-local_touch};
 * the bare gate's activity calls it directly with the same SDK client. It says it is idempotent, which
 * it is (a gate's first touch is the one recorded), so Countersign may run it as a local activity.
 */
final class TouchServer implements AutoCloseable {

    static final String TOOL = "touch";
    static final String ENDPOINT = "/mcp";

    private final Tomcat tomcat;
    private final McpSyncServer server;
    private final int port;

    private TouchServer(Tomcat tomcat, McpSyncServer server, int port) {
        this.tomcat = tomcat;
        this.server = server;
        this.port = port;
    }

    static TouchServer start(Touches touches) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(ENDPOINT)
                .build();
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(TOOL)
                .description("Records that the gate named by 'gate' was executed.")
                .inputSchema(Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("gate", Map.of("type", "string")),
                        "required",
                        List.of("gate"),
                        "additionalProperties",
                        false))
                .annotations(
                        McpSchema.ToolAnnotations.builder().idempotentHint(true).build())
                .build();
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("countersign-bench", "1")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .toolCall(tool, (exchange, request) -> {
                    String gate = String.valueOf(request.arguments().get("gate"));
                    touches.record(gate);
                    return McpSchema.CallToolResult.builder()
                            .addTextContent("touched " + gate)
                            .build();
                })
                .build();
        try {
            File base = Files.createTempDirectory("countersign-bench-tomcat").toFile();
            base.deleteOnExit();
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.getAbsolutePath());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            connector.setProperty("maxThreads", "200");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", base.getAbsolutePath());
            Wrapper servlet = Tomcat.addServlet(context, "mcp", transport);
            servlet.setAsyncSupported(true);
            context.addServletMappingDecoded(ENDPOINT, "mcp");
            tomcat.start();
            return new TouchServer(tomcat, server, connector.getLocalPort());
        } catch (LifecycleException | java.io.IOException e) {
            throw new IllegalStateException("cannot start the bench's MCP server", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + ENDPOINT;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.closeGracefully();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot stop the bench's MCP server", e);
        }
    }
}
