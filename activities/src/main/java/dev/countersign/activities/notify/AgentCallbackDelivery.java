package dev.countersign.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.approval.ApprovalId;
import dev.countersign.notify.AgentCallback;
import dev.countersign.notify.NotificationActivities;
import dev.countersign.notify.NotificationReceipt;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs an agent callback, signed with the callbacks' secret, to its URL when its host is allowed: a
 * refusal fails the attempt so Temporal retries it, and the last attempt returns the receipt instead,
 * as reviewer webhooks do. A host that is not allowed is recorded as failed and never called.
 */
final class AgentCallbackDelivery {

    private static final Logger log = LoggerFactory.getLogger(AgentCallbackDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentCallbacks callbacks;
    private final ConsoleLinks links;
    private final WebhookSender sender;

    AgentCallbackDelivery(AgentCallbacks callbacks, ConsoleLinks links, WebhookSender sender) {
        this.callbacks = callbacks;
        this.links = links;
        this.sender = sender;
    }

    NotificationReceipt deliver(AgentCallback callback) {
        URI url = urlOf(callback);
        String label = AgentCallbacks.label(url);
        if (!callbacks.allows(url)) {
            log.warn(
                    "callback {} of task {} action {} not called: its host is not among the callback hosts {}",
                    label,
                    callback.taskId(),
                    callback.actionId(),
                    callbacks.hosts());
            return new NotificationReceipt(List.of(), List.of(label + ": host not allowed"));
        }
        WebhookSender.Outcome outcome = sender.send(
                        label, url, callbacks.secret(), body(callback), deliveryId(callback))
                .join();
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        if (outcome.delivered()) {
            log.info(
                    "callback {} accepted {} of task {} action {}: HTTP {}",
                    label,
                    callback.event(),
                    callback.taskId(),
                    callback.actionId(),
                    outcome.status());
            return new NotificationReceipt(List.of(label), List.of());
        }
        log.warn(
                "callback {} failed {} of task {} action {} on attempt {} of {}: {}",
                label,
                callback.event(),
                callback.taskId(),
                callback.actionId(),
                attempt,
                NotificationActivities.MAX_ATTEMPTS,
                outcome.failure());
        if (attempt < NotificationActivities.MAX_ATTEMPTS) {
            throw ApplicationFailure.newFailure(
                    "callback " + label + " failed for task " + callback.taskId() + " action " + callback.actionId()
                            + ": " + outcome.failure(),
                    WebhookNotificationActivities.DELIVERY_FAILED);
        }
        return new NotificationReceipt(List.of(), List.of(label + ": " + outcome.failure()));
    }

    private static URI urlOf(AgentCallback callback) {
        try {
            URI url = URI.create(callback.callbackUrl());
            if (WebhookTarget.isHttp(url)) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // refused below, as a URL that is not http
        }
        throw ApplicationFailure.newNonRetryableFailure(
                "the callback url of task " + callback.taskId() + " action " + callback.actionId()
                        + " is not an absolute http or https url",
                WebhookNotificationActivities.UNWRITABLE_BODY);
    }

    private byte[] body(AgentCallback callback) {
        String gateId = gateId(callback);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", callback.event());
        body.put("gateId", gateId);
        body.put("taskId", callback.taskId());
        body.put("actionId", callback.actionId());
        body.put("tool", callback.tool());
        body.put("reviewer", callback.reviewer());
        body.put("comment", callback.comment());
        body.put("at", callback.at().toString());
        body.put("links", Map.of("approval", links.approval(gateId)));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "cannot write the callback body of " + gateId + ": " + e.getOriginalMessage(),
                    WebhookNotificationActivities.UNWRITABLE_BODY,
                    e);
        }
    }

    /** The same for every attempt: {@code <gateId>/<event>}, parts URL-encoded. */
    static String deliveryId(AgentCallback callback) {
        return URLEncoder.encode(gateId(callback), StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(callback.event(), StandardCharsets.UTF_8);
    }

    private static String gateId(AgentCallback callback) {
        return new ApprovalId(callback.taskId(), callback.actionId()).toString();
    }
}
