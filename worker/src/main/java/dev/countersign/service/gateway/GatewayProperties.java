package dev.countersign.service.gateway;

import dev.countersign.activities.tool.mcp.McpServerSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MCP gateway at {@code /mcp} ({@code countersign.gateway}): the upstream MCP servers whose tools
 * it offers, named {@code <server>_<tool>}, each shaped as an agent's {@code mcp-servers} entry; and the
 * browser origins that may call it (a request with another {@code Origin} is refused; one without is
 * allowed, as MCP clients outside browsers send none).
 */
@ConfigurationProperties("countersign.gateway")
public record GatewayProperties(Map<String, McpServerSpec> servers, List<String> allowedOrigins) {

    public GatewayProperties {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        servers.keySet().forEach(name -> {
            if (!McpServerSpec.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("countersign.gateway.servers." + name
                        + ": a server's name is letters, digits, - and _ (at most 64)");
            }
        });
        allowedOrigins.forEach(GatewayProperties::checkOrigin);
    }

    private static void checkOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("countersign.gateway.allowed-origins: not an origin: " + origin);
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getPath() == null || uri.getPath().isEmpty())) {
            throw new IllegalArgumentException(
                    "countersign.gateway.allowed-origins: an origin is scheme://host[:port], was " + origin);
        }
    }
}
