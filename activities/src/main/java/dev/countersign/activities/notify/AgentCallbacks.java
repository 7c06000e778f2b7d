package dev.countersign.activities.notify;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where agents that run their own tools may be called back, and the secret their bodies are signed
 * with. A callback URL is called only when its host, or its host and port, is one of {@code hosts}
 * ({@code host} or {@code host:port}), so a gate cannot make Countersign POST to an address of the
 * caller's choosing. No hosts (the default): no callbacks at all.
 */
public record AgentCallbacks(List<String> hosts, String secret) {

    /** No callback hosts: every callback URL is refused. */
    public static final AgentCallbacks NONE = new AgentCallbacks(List.of(), null);

    public AgentCallbacks {
        hosts = hosts == null
                ? List.of()
                : hosts.stream()
                        .map(host -> host.strip().toLowerCase(Locale.ROOT))
                        .toList();
        for (String host : hosts) {
            if (!isHostEntry(host)) {
                throw new IllegalArgumentException(
                        "a callback host is a host name or host:port, without scheme or path: '" + host + "'");
            }
        }
        if (!hosts.isEmpty() && (secret == null || secret.isBlank())) {
            throw new IllegalArgumentException("callbacks need a secret to sign their bodies");
        }
    }

    /** True when {@code entry} names a host, or a host and a port, and nothing else. */
    public static boolean isHostEntry(String entry) {
        if (entry == null || entry.isBlank() || entry.contains("/") || entry.contains("@")) {
            return false;
        }
        URI parsed;
        try {
            parsed = URI.create("http://" + entry.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return parsed.getHost() != null && parsed.getRawPath().isEmpty() && parsed.getRawQuery() == null;
    }

    /** True when {@code url} is an absolute http or https URL whose host (and port) is allowed. */
    public boolean allows(URI url) {
        if (!WebhookTarget.isHttp(url) || url.getRawUserInfo() != null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return hosts.contains(host) || hosts.contains(host + ":" + port);
    }

    /** How the task's record and the logs name a callback URL: without user info, query or fragment. */
    static String label(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return "agent " + url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + port + path;
    }

    @Override
    public String toString() {
        return "AgentCallbacks[hosts=" + hosts + ", secret=" + (secret == null ? null : "******") + "]";
    }
}
