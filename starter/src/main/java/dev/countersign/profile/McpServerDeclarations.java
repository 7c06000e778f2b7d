package dev.countersign.profile;

import dev.countersign.activities.tool.mcp.McpServerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MCP servers the agents file declares ({@code mcp-servers} of each agent): each server once by
 * name, and the servers of each agent. A server two agents declare alike is one server, shared.
 */
public final class McpServerDeclarations {

    /** No MCP server. */
    public static final McpServerDeclarations NONE = new McpServerDeclarations(Map.of(), Map.of());

    private final Map<String, McpServerSpec> servers;
    private final Map<String, List<String>> serversByAgent;

    McpServerDeclarations(Map<String, McpServerSpec> servers, Map<String, List<String>> serversByAgent) {
        this.servers = Map.copyOf(servers);
        this.serversByAgent = Map.copyOf(serversByAgent);
    }

    /** Every server, by name. */
    public Map<String, McpServerSpec> servers() {
        return servers;
    }

    /** The servers one agent declares, by name; empty for an agent that declares none. */
    public List<String> of(String agent) {
        return serversByAgent.getOrDefault(agent, List.of());
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }

    /** Collects the servers of each agent, refusing one name declared with two different settings. */
    static final class Builder {

        private final Map<String, McpServerSpec> servers = new LinkedHashMap<>();
        private final Map<String, String> declaredBy = new LinkedHashMap<>();
        private final Map<String, List<String>> serversByAgent = new LinkedHashMap<>();

        void add(String agent, String server, McpServerSpec spec) {
            McpServerSpec earlier = servers.putIfAbsent(server, spec);
            if (earlier != null && !earlier.equals(spec)) {
                throw new IllegalArgumentException("the MCP server '" + server + "' is declared by agent '"
                        + declaredBy.get(server) + "' and agent '" + agent
                        + "' with different settings; declare it alike in both (they then share it) or give"
                        + " each its own name");
            }
            declaredBy.putIfAbsent(server, agent);
            serversByAgent
                    .computeIfAbsent(agent, name -> new java.util.ArrayList<>())
                    .add(server);
        }

        McpServerDeclarations build() {
            Map<String, List<String>> copied = new LinkedHashMap<>();
            serversByAgent.forEach((agent, names) -> copied.put(agent, List.copyOf(names)));
            return new McpServerDeclarations(servers, copied);
        }
    }
}
