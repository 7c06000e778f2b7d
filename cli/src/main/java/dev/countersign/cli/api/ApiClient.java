package dev.countersign.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.countersign.cli.CliContext;
import dev.countersign.cli.CliException;
import dev.countersign.cli.ExitCode;
import dev.countersign.cli.Sleeper;
import dev.countersign.cli.Version;
import dev.countersign.cli.config.Credentials;
import dev.countersign.cli.output.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The REST API of a Countersign server over {@link HttpClient}: authenticates every request, turns
 * error answers into {@link ApiException} and silence into {@link ConnectionFailed}. Requests that
 * are safe to repeat (reads, and writes carrying an idempotency key) are tried up to three times
 * when the connection fails or a proxy answers 502, 503 or 504.
 */
public final class ApiClient {

    static final int ATTEMPTS = 3;
    private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);

    private final ServerAddress server;
    private final Credentials credentials;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Sleeper sleeper;

    public ApiClient(ServerAddress server, Credentials credentials, CliContext context) {
        this.server = server;
        this.credentials = credentials;
        this.http = HttpClient.newBuilder()
                .connectTimeout(context.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = context.requestTimeout();
        this.sleeper = context.sleeper();
    }

    public ServerAddress server() {
        return server;
    }

    public Credentials credentials() {
        return credentials;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET(), path, true);
    }

    /** A write that must not be repeated on its own (guidance twice would be two messages). */
    public ApiResponse post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)), path, false);
    }

    /** A write the server recognises when it comes again, by its body (a task id) or a header. */
    public ApiResponse postIdempotent(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request =
                request(path).header("Content-Type", "application/json").POST(json(body));
        headers.forEach(request::header);
        return send(request, path, true);
    }

    /** A removal; repeating it finds the thing gone, which the caller handles. */
    public ApiResponse delete(String path) {
        return send(request(path).DELETE(), path, true);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", credentials.authorization())
                .header("User-Agent", "countersign-cli/" + Version.current());
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(Json.compact(body));
    }

    private ApiResponse send(HttpRequest.Builder builder, String path, boolean repeatable) {
        HttpRequest request = builder.build();
        int attempts = repeatable ? ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == attempts;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (last) {
                    throw new ConnectionFailed(server.uri(), e, requestTimeout);
                }
                pause(attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.ERROR, "interrupted", null, e);
            }
            if (!last && RETRIED_STATUSES.contains(response.statusCode())) {
                pause(attempt);
                continue;
            }
            return answer(response, path);
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(Duration.ofSeconds(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "interrupted", null, e);
        }
    }

    private ApiResponse answer(HttpResponse<String> response, String path) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("another address");
            throw new CliException(
                    ExitCode.ERROR,
                    server.uri() + " answered with a redirect (" + status + ") to " + location,
                    "use the address the server names: --server with its scheme, host and port");
        }
        if (status >= 400) {
            throw new ApiException(Problem.from(status, parseLeniently(response.body())), path);
        }
        return new ApiResponse(
                status,
                parse(response.body()),
                ApiResponse.next(response.headers().firstValue("Link").orElse(null)));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CliException(
                    ExitCode.ERROR,
                    server.uri() + " answered with something that is not JSON",
                    "check that --server names a Countersign service");
        }
    }

    private static JsonNode parseLeniently(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
