package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Speaks real HTTP to the running service as one caller: {@code api.as("alice").post(path, body)}.
 * Every error answer is checked for leaked stack traces, whatever the test asserts besides.
 */
final class ApiClient {

    static final String PASSWORD = "acceptance-secret";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String authorization;

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static ApiClient anonymous(int port) {
        return new ApiClient("http://127.0.0.1:" + port, null);
    }

    ApiClient as(String user) {
        return withCredentials(user, PASSWORD);
    }

    ApiClient withCredentials(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(base, "Basic " + token);
    }

    Reply get(String path) {
        return send("GET " + path, request(path).GET());
    }

    /** POSTs {@code body} as JSON: a String is sent as it is, anything else is serialized. */
    Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(request::header);
        return send("POST " + path, request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Reply send(String description, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(description + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description + " was interrupted", e);
        }
        String text = response.body();
        if (response.statusCode() >= 400) {
            assertThat(text)
                    .as("error body of %s must not leak internals", description)
                    .doesNotContain("Exception")
                    .doesNotContain("at dev.")
                    .doesNotContain("at io.temporal.")
                    .doesNotContain("at org.springframework.");
        }
        return new Reply(description, response.statusCode(), response.headers(), text, parse(text));
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        return JSON.readTree(text);
    }

    /** The same service with {@code Authorization: Bearer token}: an API token or a JWT. */
    ApiClient bearer(String token) {
        return new ApiClient(base, "Bearer " + token);
    }

    Reply delete(String path) {
        return send("DELETE " + path, request(path).DELETE());
    }
}
