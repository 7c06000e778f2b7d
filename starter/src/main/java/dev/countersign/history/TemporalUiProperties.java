package dev.countersign.history;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Temporal Web UI is, so that a task's history can link to its workflow there; unset by
 * default (no link).
 *
 * @param temporalUiUrl the UI's base URL, for example {@code http://127.0.0.1:8233} for the
 *     Temporal CLI's dev server
 */
@ConfigurationProperties("countersign")
public record TemporalUiProperties(String temporalUiUrl) {

    public TemporalUiProperties {
        temporalUiUrl = normalized(temporalUiUrl);
    }

    /** The UI page of this workflow, or null when no UI is configured. */
    public String workflowUrl(String namespace, String workflowId) {
        if (temporalUiUrl == null) {
            return null;
        }
        return temporalUiUrl + "/namespaces/" + pathSegment(namespace) + "/workflows/" + pathSegment(workflowId);
    }

    private static String normalized(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return trimmed;
            }
        } catch (URISyntaxException malformed) {
            throw invalid(url, malformed);
        }
        throw invalid(url, null);
    }

    private static IllegalArgumentException invalid(String url, Exception cause) {
        return new IllegalArgumentException(
                "countersign.temporal-ui-url must be an http(s) URL such as http://127.0.0.1:8233, was '" + url + "'",
                cause);
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
