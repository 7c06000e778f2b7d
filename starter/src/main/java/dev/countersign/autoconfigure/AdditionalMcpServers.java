package dev.countersign.autoconfigure;

import dev.countersign.activities.tool.mcp.McpServerSpec;
import java.util.Map;

/**
 * MCP servers to connect beside the agents file's, declared by the application (the service's MCP
 * gateway declares its upstream servers so). Their tools join the tool registry, so the policy may name
 * them and calls go through the same schema check, policy and tool path; a name the agents file also
 * declares is shared when the settings are identical and stops the start otherwise.
 *
 * @param origin who declares them, for messages, for example {@code countersign.gateway.servers}
 * @param servers the servers by name
 */
public record AdditionalMcpServers(String origin, Map<String, McpServerSpec> servers) {

    public AdditionalMcpServers {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
    }
}
