package dev.countersign.activities.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local OpenAI-compatible server for tests: answers POST /v1/chat/completions with the replies it
 * was given, in order, checking each request as OpenAI would (a request OpenAI would refuse gets
 * OpenAI's 400), and records every request it got, on any path. Register it as a JUnit extension
 * ({@code @RegisterExtension}) and it stops after each test.
 */
public final class OpenAiStub implements AutoCloseable, AfterEachCallback {

    /** One scripted answer: an HTTP status, its headers and its JSON body. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public static Reply ok(String body) {
            return new Reply(200, Map.of(), body);
        }
    }

    /** One request the server got. */
    public record Received(String method, String path, String authorization, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private boolean stopped;
    private volatile boolean keepBodies = true;

    public OpenAiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local OpenAI server", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The server's root, without /v1, such as http://127.0.0.1:41234. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URL an OpenAI client is given: the root with /v1. */
    public String baseUrl() {
        return root() + "/v1";
    }

    /**
     * Keeps only the method, path and authorization of what it gets from now on (bodies read null),
     * for long runs whose requests would fill the heap; each request is still checked.
     */
    public OpenAiStub withoutBodies() {
        keepBodies = false;
        return this;
    }

    public synchronized OpenAiStub reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    public OpenAiStub reply(String body) {
        return reply(Reply.ok(body));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The body of the last request the server got. */
    public JsonNode lastRequest() {
        return received.get(received.size() - 1).body();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            JsonNode body = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    keepBodies ? body : null));
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                send(exchange, new Reply(404, Map.of(), ChatCompletionsJson.error("Not found", "not_found")));
                return;
            }
            List<String> problems = ChatCompletionsRequestChecker.problems(body);
            if (!problems.isEmpty()) {
                send(
                        exchange,
                        new Reply(
                                400,
                                Map.of(),
                                ChatCompletionsJson.error(String.join("; ", problems), "invalid_request_error")));
                return;
            }
            send(exchange, next());
        }
    }

    private synchronized Reply next() {
        Reply reply = replies.poll();
        return reply != null
                ? reply
                : new Reply(500, Map.of(), ChatCompletionsJson.error("the test gave no more replies", "server_error"));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
