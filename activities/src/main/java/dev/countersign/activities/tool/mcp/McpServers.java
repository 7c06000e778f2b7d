package dev.countersign.activities.tool.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MCP servers of the agents file, connected, with their tools as Countersign tools. Opening
 * them connects each server and lists its tools; one that cannot be reached stops the start, naming
 * the server and the cause. Close it to stop the stdio servers and end the HTTP sessions.
 */
public final class McpServers implements AutoCloseable {

    /** No MCP server. */
    public static final McpServers NONE = new McpServers(Map.of(), Map.of());

    private final Map<String, McpServerConnection> connections;
    private final Map<String, List<McpTool>> toolsByServer;

    private McpServers(Map<String, McpServerConnection> connections, Map<String, List<McpTool>> toolsByServer) {
        this.connections = connections;
        this.toolsByServer = toolsByServer;
    }

    /**
     * Connects every server and names its tools, each distinct from the others and from {@code
     * takenNames} (the application's own tools).
     */
    public static McpServers open(Map<String, McpServerSpec> servers, Set<String> takenNames) {
        Map<String, McpServerConnection> connections = new LinkedHashMap<>();
        Map<String, List<McpTool>> tools = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(takenNames);
        try {
            servers.forEach((name, spec) -> {
                McpServerConnection connection = McpServerConnection.open(name, spec);
                connections.put(name, connection);
                tools.put(name, toolsOf(connection, taken));
            });
        } catch (RuntimeException failed) {
            connections.values().forEach(McpServerConnection::close);
            throw failed;
        }
        return new McpServers(Map.copyOf(connections), Map.copyOf(tools));
    }

    private static List<McpTool> toolsOf(McpServerConnection connection, Set<String> taken) {
        List<McpSchema.Tool> listed;
        try {
            listed = connection.tools();
        } catch (RuntimeException failed) {
            throw new McpServerUnreachable(connection.name(), connection.spec(), failed);
        }
        requireListed(connection, "tools", connection.spec().tools(), listed);
        requireListed(connection, "local-tools", connection.spec().localTools(), listed);
        List<McpTool> tools = new ArrayList<>();
        for (McpSchema.Tool definition : listed) {
            String name = McpToolNames.of(connection.name(), definition.name(), taken);
            taken.add(name);
            McpTool tool;
            try {
                tool = new McpTool(name, connection, definition);
            } catch (IllegalArgumentException unusable) {
                throw new IllegalArgumentException("the tool '" + definition.name() + "' of the MCP server '"
                        + connection.name() + "' is no usable tool: " + unusable.getMessage());
            }
            if (tool.runsLocally() && !tool.idempotent()) {
                throw new IllegalArgumentException("the tool '" + definition.name() + "' of the MCP server '"
                        + connection.name() + "' cannot be one of its local-tools: the server does not mark it"
                        + " idempotentHint: true, and a local activity runs again when its worker stops before"
                        + " the workflow task completes");
            }
            tools.add(tool);
        }
        return tools;
    }

    /** Refuses an entry's list ({@code key}) that names a tool the server does not have. */
    private static void requireListed(
            McpServerConnection connection, String key, List<String> wanted, List<McpSchema.Tool> listed) {
        List<String> missing = wanted.stream()
                .filter(name -> listed.stream().noneMatch(tool -> tool.name().equals(name)))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the MCP server '" + connection.name() + "' has no tool(s) " + missing
                    + (key.equals("tools") ? "" : " (" + key + ")") + "; it has "
                    + listed.stream().map(McpSchema.Tool::name).toList());
        }
    }

    /** Every server's tools. */
    public List<McpTool> tools() {
        return toolsByServer.values().stream().flatMap(List::stream).toList();
    }

    /** The Countersign names of one server's tools; empty for a server not opened here. */
    public List<String> toolNames(String server) {
        return toolsByServer.getOrDefault(server, List.of()).stream()
                .map(McpTool::name)
                .toList();
    }

    @Override
    public void close() {
        connections.values().forEach(McpServerConnection::close);
    }
}
