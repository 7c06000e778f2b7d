package dev.countersign.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.approval.PendingApproval;
import dev.countersign.notify.AgentCallback;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationReceipt;
import dev.countersign.notify.ReviewerNotification;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies reviewers through signed webhooks: every target of the approval's groups gets a POST at
 * once. A target that accepted (2xx) is remembered in the activity's heartbeat and never called
 * again for this notification; while others fail, the activity fails so Temporal retries them with
 * backoff. On the last attempt it returns the receipt instead, failed targets included, so the task
 * records who may not have heard. Agents that run their own tools are called back the same way, signed
 * with the callbacks' own secret, at hosts {@link AgentCallbacks} allows.
 */
public class WebhookNotificationActivities implements NotificationActivities {

    /**
     * The attempts the workflow gives a notification ({@link NotificationActivities#MAX_ATTEMPTS}). On
     * this attempt the activity returns its receipt instead of failing. (Temporal's test server does
     * not hand the retry policy to the activity, so it cannot be read from {@code ActivityInfo}.)
     */
    public static final int MAX_ATTEMPTS = NotificationActivities.MAX_ATTEMPTS;

    /** The failure type of an attempt on which some target refused; Temporal retries it. */
    public static final String DELIVERY_FAILED = "WebhookDeliveryFailed";

    /** The failure type when the notification cannot be turned into a body; retrying cannot help. */
    public static final String UNWRITABLE_BODY = "WebhookBodyUnwritable";

    private static final Logger log = LoggerFactory.getLogger(WebhookNotificationActivities.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WebhookTarget> targets;
    private final ConsoleLinks links;
    private final WebhookSender sender;
    private final AgentCallbackDelivery callbacks;

    /** Reviewer webhooks only: every agent callback is refused. */
    public WebhookNotificationActivities(
            List<WebhookTarget> targets, URI consoleUrl, Duration timeout, HttpClient http) {
        this(targets, AgentCallbacks.NONE, consoleUrl, timeout, http);
    }

    /**
     * @param targets the webhooks, each for one reviewer group
     * @param callbacks where agents may be called back, and the secret their bodies are signed with
     * @param consoleUrl the web console's base URL, for the links in each message
     * @param timeout how long one POST may take until its answer arrives
     * @param http the client that sends them (its connect timeout and proxy apply)
     */
    public WebhookNotificationActivities(
            List<WebhookTarget> targets, AgentCallbacks callbacks, URI consoleUrl, Duration timeout, HttpClient http) {
        this.targets = List.copyOf(targets);
        Set<String> labels = new HashSet<>();
        for (WebhookTarget target : this.targets) {
            if (!labels.add(target.label())) {
                throw new IllegalArgumentException("two webhooks are both " + target.label()
                        + "; a receipt could not tell them apart, so each needs its own group or url");
            }
        }
        if (!WebhookTarget.isHttp(consoleUrl)) {
            throw new IllegalArgumentException("the console url must be an absolute http or https url");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive");
        }
        this.links = new ConsoleLinks(consoleUrl);
        this.sender = new WebhookSender(Objects.requireNonNull(http, "http"), timeout);
        this.callbacks = new AgentCallbackDelivery(Objects.requireNonNull(callbacks, "callbacks"), links, sender);
    }

    @Override
    public NotificationReceipt notifyAgent(AgentCallback callback) {
        return callbacks.deliver(callback);
    }

    @Override
    public NotificationReceipt notifyReviewers(ReviewerNotification notification) {
        PendingApproval approval = notification.approval();
        List<WebhookTarget> addressed = targets.stream()
                .filter(target -> approval.groups().contains(target.group()))
                .toList();
        if (addressed.isEmpty()) {
            log.debug("no webhook configured for groups {} of approval {}", approval.groups(), approval.approvalId());
            return new NotificationReceipt(List.of(), List.of());
        }
        ActivityExecutionContext context = Activity.getExecutionContext();
        Set<String> delivered = new LinkedHashSet<>(
                context.getHeartbeatDetails(String[].class).map(List::of).orElse(List.of()));
        List<CompletableFuture<WebhookSender.Outcome>> sending = send(notification, addressed, delivered);

        int attempt = context.getInfo().getAttempt();
        List<String> failed = new ArrayList<>();
        for (CompletableFuture<WebhookSender.Outcome> pending : sending) {
            WebhookSender.Outcome outcome = pending.join();
            String label = outcome.label();
            if (outcome.delivered()) {
                delivered.add(label);
                context.heartbeat(delivered.toArray(String[]::new));
                logDelivered(notification, outcome);
            } else {
                failed.add(label + ": " + outcome.failure());
                logFailed(notification, outcome, attempt);
            }
        }
        if (!failed.isEmpty() && attempt < MAX_ATTEMPTS) {
            throw ApplicationFailure.newFailure(
                    "webhooks failed for approval " + approval.approvalId() + ": " + String.join("; ", failed),
                    DELIVERY_FAILED);
        }
        return new NotificationReceipt(List.copyOf(delivered), failed);
    }

    private static void logDelivered(ReviewerNotification notification, WebhookSender.Outcome outcome) {
        PendingApproval approval = notification.approval();
        log.info(
                "webhook {} accepted {} of approval {} (task {}, tier {}): HTTP {}",
                outcome.label(),
                GenericPayload.event(notification.kind()),
                approval.approvalId(),
                approval.taskId(),
                approval.tier(),
                outcome.status());
    }

    private static void logFailed(ReviewerNotification notification, WebhookSender.Outcome outcome, int attempt) {
        PendingApproval approval = notification.approval();
        log.warn(
                "webhook {} failed {} of approval {} (task {}, tier {}) on attempt {} of {}: {}",
                outcome.label(),
                GenericPayload.event(notification.kind()),
                approval.approvalId(),
                approval.taskId(),
                approval.tier(),
                attempt,
                MAX_ATTEMPTS,
                outcome.failure());
    }

    private List<CompletableFuture<WebhookSender.Outcome>> send(
            ReviewerNotification notification, List<WebhookTarget> addressed, Set<String> alreadyDelivered) {
        Map<WebhookFormat, byte[]> bodies = new EnumMap<>(WebhookFormat.class);
        String deliveryId = deliveryId(notification);
        List<CompletableFuture<WebhookSender.Outcome>> sending = new ArrayList<>();
        for (WebhookTarget target : addressed) {
            if (alreadyDelivered.contains(target.label())) {
                log.debug(
                        "webhook {} already accepted approval {} on an earlier attempt",
                        target.label(),
                        notification.approval().approvalId());
                continue;
            }
            byte[] body = bodies.computeIfAbsent(target.format(), format -> body(format, notification));
            sending.add(sender.send(target, body, deliveryId));
        }
        return sending;
    }

    private byte[] body(WebhookFormat format, ReviewerNotification notification) {
        Map<String, Object> payload = format == WebhookFormat.SLACK
                ? SlackPayload.of(notification, links)
                : GenericPayload.of(notification, links);
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "cannot write the webhook body of approval "
                            + notification.approval().approvalId() + ": " + e.getOriginalMessage(),
                    UNWRITABLE_BODY,
                    e);
        }
    }

    /**
     * The same for every attempt at one notification, so a receiver that got it twice (its answer
     * was lost) can drop the copy: {@code <approvalId>/<event>/<tier>}, parts URL-encoded.
     */
    static String deliveryId(ReviewerNotification notification) {
        PendingApproval approval = notification.approval();
        return encode(approval.approvalId()) + "/" + GenericPayload.event(notification.kind()) + "/"
                + encode(approval.tier());
    }

    private static String encode(String part) {
        return URLEncoder.encode(String.valueOf(part), StandardCharsets.UTF_8);
    }
}
