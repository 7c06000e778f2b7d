package dev.countersign.activities.notify;

import java.net.URI;

/**
 * One webhook that hears of approvals waiting for {@code group}. Bodies are signed with {@code
 * secret}; the secret never appears in {@link #toString()}, logs or the task's record.
 */
public record WebhookTarget(String group, URI url, WebhookFormat format, String secret) {

    public WebhookTarget {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a webhook needs the reviewer group it notifies");
        }
        if (!isHttp(url)) {
            throw new IllegalArgumentException(
                    "the webhook of group " + group + " needs an absolute http or https url");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook of group " + group + " needs a secret to sign its bodies");
        }
        format = format == null ? WebhookFormat.GENERIC : format;
    }

    /** True for an absolute http or https URL with a host. */
    public static boolean isHttp(URI url) {
        return url != null
                && url.getHost() != null
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
    }

    /**
     * How the task's record and the logs name this target: its group and its URL without user info,
     * query or fragment. A Slack webhook's last path segment is its credential, so it is masked.
     */
    public String label() {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (format == WebhookFormat.SLACK) {
            int lastSlash = path.lastIndexOf('/');
            path = lastSlash < 0 ? "" : path.substring(0, lastSlash + 1) + "***";
        }
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return group + " " + url.getScheme().toLowerCase() + "://" + url.getHost() + port + path;
    }

    @Override
    public String toString() {
        return "WebhookTarget[" + label() + ", " + format.name().toLowerCase() + "]";
    }
}
