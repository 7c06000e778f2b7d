package dev.countersign.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Countersign server stand-in on 127.0.0.1 with a free port: it answers each "METHOD /path" with
 * canned JSON (problem+json for error statuses, as the real API does) and records every request.
 * A route given several answers plays them in order and repeats the last one.
 */
public final class FakeServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Deque<Answer>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private FakeServer(HttpServer server) {
        this.server = server;
    }

    public static FakeServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeServer fake = new FakeServer(http);
            http.createContext("/", fake::handle);
            http.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path with its query, if any) with {@code status} and a body. */
    public FakeServer on(String method, String path, int status, String body) {
        return on(method, path, new Answer(status, body, Map.of()));
    }

    /** Answers with a fixture from src/test/resources, such as "api/approvals.json". */
    public FakeServer onFixture(String method, String path, int status, String fixture) {
        return on(method, path, status, Fixtures.read(fixture));
    }

    public FakeServer on(String method, String path, Answer... answers) {
        routes.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        requests.add(new Recorded(exchange.getRequestMethod(), path, headers, body));
        Answer answer = next(exchange.getRequestMethod() + " " + path);
        if (answer == null) {
            answer = new Answer(
                    404,
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404," + "\"detail\":\"no endpoint "
                            + exchange.getRequestMethod() + " " + path + "\"}",
                    Map.of());
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders()
                    .add("Content-Type", answer.status() >= 400 ? "application/problem+json" : "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized Answer next(String route) {
        Deque<Answer> answers = routes.get(route);
        if (answers == null || answers.isEmpty()) {
            return null;
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    /** One canned answer. */
    public record Answer(int status, String body, Map<String, String> headers) {

        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }

        public static Answer fixture(int status, String fixture) {
            return new Answer(status, Fixtures.read(fixture), Map.of());
        }
    }

    /** One request as the server saw it; header names are lower case. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
