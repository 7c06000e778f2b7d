package dev.countersign.activities.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** POSTs one signed body to one webhook and says whether it was accepted (any 2xx) or why not. */
final class WebhookSender {

    static final String DELIVERY_HEADER = "X-Countersign-Delivery";

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * The outcome of one POST: the target's label, the status when an answer came, and the failure when
     * it was not 2xx.
     */
    record Outcome(String label, int status, String failure) {

        boolean delivered() {
            return failure == null;
        }
    }

    /** Never completes exceptionally: every error becomes an outcome with its reason. */
    CompletableFuture<Outcome> send(WebhookTarget target, byte[] body, String deliveryId) {
        return send(target.label(), target.url(), target.secret(), body, deliveryId);
    }

    /** As {@link #send(WebhookTarget, byte[], String)}, to a URL named {@code label}, signed with {@code secret}. */
    CompletableFuture<Outcome> send(String label, URI url, String secret, byte[] body, String deliveryId) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Countersign-Webhook")
                .header(HmacSignature.HEADER, HmacSignature.sign(body, secret))
                .header(DELIVERY_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null
                        ? new Outcome(label, response.statusCode(), failureOf(response.statusCode()))
                        : new Outcome(label, 0, reason(unwrap(error))));
    }

    private static String failureOf(int status) {
        return status >= 200 && status < 300 ? null : "HTTP " + status;
    }

    private String reason(Throwable error) {
        if (error instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (error instanceof HttpTimeoutException) {
            return "no answer within " + timeout;
        }
        if (error instanceof ConnectException) {
            return error.getMessage() == null ? "cannot connect" : "cannot connect: " + error.getMessage();
        }
        if (error instanceof IOException && error.getMessage() != null) {
            return error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        return error.toString();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
