package dev.countersign.autoconfigure;

import dev.countersign.activities.notify.AgentCallbacks;
import dev.countersign.activities.notify.WebhookFormat;
import dev.countersign.activities.notify.WebhookTarget;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code countersign.notifications.}: the webhooks that tell reviewer groups an
 * approval waits for them, where the web console is (for the links in each message), how long one
 * webhook call may take, and where agents that run their own tools may be called back. Without
 * webhooks, reviewers find requests in their inbox only; without callback hosts, no callback is taken.
 *
 * @param webhooks the webhooks, each for one reviewer group
 * @param consoleUrl the web console's base URL, as reviewers reach it; messages link to its approvals
 * @param timeout how long one webhook call may take until the answer arrives; below the notification
 *     activity's 30 s start-to-close timeout, so a silent receiver is recorded rather than timing out
 *     the whole attempt
 * @param callbacks the hosts that {@code callbackUrl}s of the gate API may name, and the secret
 *     callbacks are signed with
 */
@ConfigurationProperties("countersign.notifications")
public record NotificationProperties(
        List<Webhook> webhooks,
        @DefaultValue("http://127.0.0.1:8080") URI consoleUrl,
        @DefaultValue("PT10S") Duration timeout,
        Callbacks callbacks) {

    private static final String PREFIX = "countersign.notifications.";

    /** The setting that lists the hosts agents may be called back at. */
    public static final String CALLBACK_HOSTS = PREFIX + "callbacks.hosts";

    private static final Duration ACTIVITY_TIMEOUT = Duration.ofSeconds(30);

    public NotificationProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            String property = PREFIX + "webhooks[" + i + "]";
            Webhook webhook = webhooks.get(i);
            webhook.validate(property);
            if (!seen.add(webhook.target().label())) {
                throw new IllegalArgumentException(property + " repeats the group and url of an earlier webhook: "
                        + webhook.target().label());
            }
        }
        if (!WebhookTarget.isHttp(consoleUrl)) {
            throw new IllegalArgumentException(PREFIX + "console-url must be an absolute http or https URL");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(ACTIVITY_TIMEOUT) >= 0) {
            throw new IllegalArgumentException(PREFIX + "timeout must be positive and below " + ACTIVITY_TIMEOUT
                    + ", the notification activity's start-to-close timeout");
        }
        callbacks = callbacks == null ? new Callbacks(List.of(), null) : callbacks;
        callbacks.validate();
    }

    /** The webhooks as the notification activity takes them. */
    public List<WebhookTarget> targets() {
        return webhooks.stream().map(Webhook::target).toList();
    }

    /**
     * One webhook. The body is signed with {@code secret}: receivers check the {@code
     * X-Countersign-Signature} header before they trust it (see docs/notifications.md).
     *
     * @param group the reviewer group it notifies, as named in the policy's tiers
     * @param url where the POST goes: http or https; recorded on tasks without its query
     * @param format {@code generic} (Countersign's JSON) or {@code slack} (an incoming-webhook message)
     * @param secret the HMAC-SHA256 key the body is signed with; never logged
     */
    public record Webhook(
            String group, URI url, @DefaultValue("generic") WebhookFormat format, String secret) {

        public Webhook {
            format = format == null ? WebhookFormat.GENERIC : format;
        }

        void validate(String property) {
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException(property + ".group must name the reviewer group to notify");
            }
            if (url == null) {
                throw new IllegalArgumentException(property + ".url must be set");
            }
            if (!WebhookTarget.isHttp(url)) {
                throw new IllegalArgumentException(property + ".url must be an absolute http or https URL");
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(
                        property + ".secret must be set: receivers verify each body's signature with it");
            }
        }

        WebhookTarget target() {
            return new WebhookTarget(group, url, format, secret);
        }

        @Override
        public String toString() {
            String where = WebhookTarget.isHttp(url) ? url.getScheme() + "://" + url.getHost() + "/..." : null;
            return "Webhook[group=" + group + ", url=" + where + ", format=" + format + ", secret="
                    + (secret == null ? null : "******") + "]";
        }
    }

    /**
     * Where agents that run their own tools (the gate API) may be called back: a {@code callbackUrl} is
     * taken only when its host, or its host and port, is listed, so a gate cannot point Countersign at
     * an internal address. Bodies are signed with {@code secret} as webhooks are.
     *
     * @param hosts {@code host} (any port) or {@code host:port} entries; empty (the default): no callbacks
     * @param secret the HMAC-SHA256 key callback bodies are signed with; required with hosts, never logged
     */
    public record Callbacks(List<String> hosts, String secret) {

        public Callbacks {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }

        void validate() {
            for (int i = 0; i < hosts.size(); i++) {
                if (!AgentCallbacks.isHostEntry(hosts.get(i))) {
                    throw new IllegalArgumentException(CALLBACK_HOSTS + "[" + i
                            + "] must be a host name or host:port, without scheme or path: '" + hosts.get(i) + "'");
                }
            }
            if (!hosts.isEmpty() && (secret == null || secret.isBlank())) {
                throw new IllegalArgumentException(PREFIX
                        + "callbacks.secret must be set when callback hosts are: agents verify each body's signature"
                        + " with it");
            }
        }

        /** The callback hosts and secret as the notification activity takes them. */
        public AgentCallbacks allowed() {
            return new AgentCallbacks(hosts, secret);
        }

        /** True when a gate's {@code callbackUrl} names an allowed host (and port). */
        public boolean allows(URI url) {
            return allowed().allows(url);
        }

        @Override
        public String toString() {
            return "Callbacks[hosts=" + hosts + ", secret=" + (secret == null ? null : "******") + "]";
        }
    }
}
