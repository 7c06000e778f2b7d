package dev.countersign.service.gateway;

import dev.countersign.activities.tool.mcp.McpServerSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The MCP gateway at {@code /mcp} ({@code countersign.gateway}): the upstream MCP servers whose tools
 * it offers, named {@code <server>_<tool>}, each shaped as an agent's {@code mcp-servers} entry; the
 * browser origins that may call it (a request with another {@code Origin} is refused; one without is
 * allowed, as MCP clients outside browsers send none); how long a call that needs approval stays open
 * ({@code wait}); how long an identical call gets the recorded outcome again ({@code replay-window}); how
 * long an approval waits for its caller to collect it ({@code consent-ttl}); and how long a gateway task
 * lives on with no call ({@code task-idle}).
 */
@ConfigurationProperties("countersign.gateway")
public record GatewayProperties(
        Map<String, McpServerSpec> servers,
        List<String> allowedOrigins,
        @Name("wait") Duration callWait,
        Duration replayWindow,
        Duration consentTtl,
        Duration taskIdle) {

    public GatewayProperties {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        callWait = positive("wait", callWait, Duration.ofSeconds(45));
        replayWindow = positive("replay-window", replayWindow, Duration.ofMinutes(10));
        consentTtl = positive("consent-ttl", consentTtl, Duration.ofMinutes(15));
        taskIdle = positive("task-idle", taskIdle, Duration.ofHours(1));
        servers.keySet().forEach(name -> {
            if (!McpServerSpec.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("countersign.gateway.servers." + name
                        + ": a server's name is letters, digits, - and _ (at most 64)");
            }
        });
        allowedOrigins.forEach(GatewayProperties::checkOrigin);
    }

    private static Duration positive(String name, Duration value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("countersign.gateway." + name + " must be positive, was " + value);
        }
        return value;
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
