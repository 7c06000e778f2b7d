package dev.countersign.cli.api;

import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import java.net.URI;
import java.net.URISyntaxException;

/** The base URL of a Countersign server, such as {@code http://127.0.0.1:8080}, without a trailing slash. */
public record ServerAddress(URI uri) {

    public static ServerAddress parse(String value) {
        String trimmed = value.trim().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw invalid(value);
            }
            return new ServerAddress(uri);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
    }

    /** The full URI of an API path such as {@code /api/approvals}; a path prefix in the base is kept. */
    public URI resolve(String path) {
        return URI.create(uri + path);
    }

    /** True for loopback hosts, where plain http does not cross a network. */
    public boolean isLoopback() {
        String host = uri.getHost();
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    public boolean isHttps() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private static CliException invalid(String value) {
        return new CliException(
                ExitCode.USAGE,
                "'" + value + "' is not a server URL",
                "give the scheme, host and port, for example --server http://127.0.0.1:8080");
    }
}
