package dev.countersign.activities.tool.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP server as Countersign's client holds it: connected at start, asked for its tools, and
 * called for each tool call with the server's timeout. A connection that broke (a stdio server that
 * crashed, a lost HTTP session) is opened anew before the next call, never for the call that broke.
 */
public final class McpServerConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(McpServerConnection.class);
    private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
    private static final McpSchema.Implementation CLIENT = new McpSchema.Implementation("countersign", "0.1.0");

    private final String name;
    private final McpServerSpec spec;
    private McpSyncClient client;
    private Optional<Process> process = Optional.empty();
    private boolean broken;

    private McpServerConnection(String name, McpServerSpec spec) {
        this.name = name;
        this.spec = spec;
    }

    /**
     * Connects to the server and completes MCP's handshake; throws {@link McpServerUnreachable}
     * naming the server and the cause when it cannot.
     */
    public static McpServerConnection open(String name, McpServerSpec spec) {
        McpServerConnection connection = new McpServerConnection(name, spec);
        connection.connect();
        return connection;
    }

    public String name() {
        return name;
    }

    public McpServerSpec spec() {
        return spec;
    }

    /** The server's tools that its entry exposes, every page of them. */
    public synchronized List<McpSchema.Tool> tools() {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
            page.tools().stream().filter(tool -> spec.exposes(tool.name())).forEach(tools::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return tools;
    }

    /**
     * Calls a tool of the server once. A broken connection is opened again first; a failure of this
     * call marks the connection broken (the next call reopens it) and is thrown as it came.
     */
    public McpSchema.CallToolResult call(String tool, Map<String, Object> args, Map<String, Object> meta) {
        McpSyncClient current = current();
        try {
            return current.callTool(new McpSchema.CallToolRequest(tool, args, meta));
        } catch (RuntimeException failed) {
            if (!McpFailures.answeredByServer(failed) && !McpFailures.timedOut(failed)) {
                markBroken(current);
            }
            throw failed;
        }
    }

    private synchronized McpSyncClient current() {
        if (process.isPresent() && !process.get().isAlive()) {
            log.warn(
                    "MCP server {} ({}) exited with code {}; it is started again",
                    name,
                    spec.where(),
                    process.get().exitValue());
            broken = true;
        }
        if (broken) {
            log.info("MCP server {} ({}) is reconnected after a broken connection", name, spec.where());
            closeQuietly(client);
            connect();
        }
        return client;
    }

    private synchronized void markBroken(McpSyncClient failed) {
        if (client == failed) {
            broken = true;
        }
    }

    private void connect() {
        if (spec.stdio() && !Executables.exists(spec.command(), spec.env())) {
            throw new McpServerUnreachable(
                    name,
                    spec,
                    new IllegalArgumentException("the command '" + spec.command() + "' is not an executable file"
                            + (spec.command().contains("/") ? "" : " on the PATH")));
        }
        McpClientTransport transport = transport();
        McpSyncClient opened = McpClient.sync(transport)
                .clientInfo(CLIENT)
                .requestTimeout(spec.timeout())
                .initializationTimeout(spec.timeout())
                .build();
        try {
            opened.initialize();
        } catch (RuntimeException unreachable) {
            closeQuietly(opened);
            throw new McpServerUnreachable(name, spec, unreachable);
        }
        client = opened;
        process = StdioProcess.of(transport);
        broken = false;
    }

    private McpClientTransport transport() {
        if (spec.stdio()) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(spec.env());
            StdioClientTransport stdio = new SerializedStdioTransport(
                    ServerParameters.builder(spec.command())
                            .args(spec.args())
                            .env(env)
                            .build(),
                    JSON);
            stdio.setStdErrorHandler(line -> log.debug("MCP server {}: {}", name, line));
            return stdio;
        }
        java.net.URI address = java.net.URI.create(spec.url());
        String base = address.getScheme() + "://" + address.getRawAuthority();
        String endpoint = spec.url().substring(base.length());
        return HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint.isEmpty() ? "/" : endpoint)
                .jsonMapper(JSON)
                .connectTimeout(spec.timeout())
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> spec.headers().forEach(request::header))
                .build();
    }

    private void closeQuietly(McpSyncClient closing) {
        if (closing == null) {
            return;
        }
        try {
            closing.close();
        } catch (RuntimeException ignored) {
            log.debug("MCP server {} did not close cleanly: {}", name, ignored.toString());
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(client);
    }
}
