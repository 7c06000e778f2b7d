package dev.countersign.service.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * HTTP to one worker's REST API over loopback, as one of the demo users. A request that fails to
 * connect or times out is sent again, at most {@link #ATTEMPTS} times in all: every write the suite
 * makes is idempotent (the same taskId, the same Idempotency-Key), which is what a real client
 * relies on after a timeout.
 */
final class Api {

    static final String PASSWORD = "it-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;

    Api(int port) {
        this.port = port;
    }

    Reply get(String user, String path) {
        return send(user, "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    /** A GET with {@code headers} added, or put in place of the default ones (such as Accept). */
    Reply get(String user, String path, Map<String, String> headers) {
        return send(user, "GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** A GET with an API token ({@code Authorization: Bearer}) instead of a password. */
    Reply getWithToken(String token, String path) {
        return send(bearer(token), "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    Reply delete(String user, String path) {
        return send(user, "DELETE", path, HttpRequest.BodyPublishers.noBody(), Map.of());
    }

    /** One GET without retries that gives up after {@code timeout}: empty when no answer came. */
    Optional<Reply> probe(String user, String path, Duration timeout) {
        HttpRequest request = request(user, "GET", path, HttpRequest.BodyPublishers.noBody(), Map.of())
                .timeout(timeout)
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return Optional.of(
                    new Reply("GET " + path, response.statusCode(), response.body(), parse(response.body())));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path + " was interrupted", e);
        }
    }

    Reply post(String user, String path, Object body, Map<String, String> headers) {
        String json = JSON.writeValueAsString(body);
        return send(user, "POST", path, HttpRequest.BodyPublishers.ofString(json), headers);
    }

    private HttpRequest.Builder request(
            String user, String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        return request(basic(user), method, path, body, headers);
    }

    private HttpRequest.Builder request(
            Credentials credentials,
            String method,
            String path,
            HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", credentials.header())
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .method(method, body);
        headers.forEach(request::setHeader);
        return request;
    }

    private Reply send(
            String user, String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        return send(basic(user), method, path, body, headers);
    }

    private Reply send(
            Credentials credentials,
            String method,
            String path,
            HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = request(credentials, method, path, body, headers);
        String description = method + " " + path + " as " + credentials.who() + " on port " + port;
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(description, response.statusCode(), response.body(), parse(response.body()));
            } catch (IOException e) {
                last = e;
                System.out.println("retrying " + description + " after " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(description + " was interrupted", e);
            }
        }
        throw new IllegalStateException(description + " failed " + ATTEMPTS + " times", last);
    }

    private static Credentials basic(String user) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new Credentials(user, "Basic " + encoded);
    }

    private static Credentials bearer(String token) {
        return new Credentials("a token", "Bearer " + token);
    }

    /** An Authorization header and how a failure message names its holder (never the secret). */
    private record Credentials(String who, String header) {}

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException notJson) {
            // Not every error page is JSON; the text stays in the reply for the failure message.
            return MissingNode.getInstance();
        }
    }

    /** One answer: the status, the body as text and as JSON. */
    record Reply(String request, int status, String text, JsonNode json) {

        JsonNode expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return json;
                }
            }
            throw new AssertionError(request + " answered " + status + ": " + text);
        }
    }
}
