package dev.countersign.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny OpenAI-compatible chat-completions endpoint for the bench's agent: the first turn of a task
 * answers with one call of the offered tool, {@code {"gate": <id>}}, the id read from the goal
 * ({@code gate=<id>}); once a tool result is in the conversation it answers with a final text. It
 * costs the service one HTTP round trip per model step, as a local model server would, minus inference.
 */
final class ModelEndpoint implements AutoCloseable {

    static final String MODEL = "bench-model";
    private static final Pattern GATE = Pattern.compile("gate=([A-Za-z0-9._-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16, Threads.daemon("bench-model"));

    ModelEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the bench's model endpoint", e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL OpenAI clients take, with /v1. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            byte[] body = JSON.writeValueAsBytes(reply(request));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static Map<String, Object> reply(JsonNode request) {
        JsonNode messages = request.path("messages");
        String gate = null;
        for (JsonNode message : messages) {
            if (message.path("role").asText().equals("tool")) {
                return completion(Map.of("role", "assistant", "content", "done"), "stop");
            }
            Matcher found = GATE.matcher(message.path("content").asText(""));
            if (gate == null && message.path("role").asText().equals("user") && found.find()) {
                gate = found.group(1);
            }
        }
        String tool =
                request.path("tools").path(0).path("function").path("name").asText("bench_touch");
        Map<String, Object> call = Map.of(
                "id",
                "call_" + (gate == null ? "none" : gate),
                "type",
                "function",
                "function",
                Map.of("name", tool, "arguments", "{\"gate\":\"" + gate + "\"}"));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", List.of(call));
        return completion(message, "tool_calls");
    }

    private static Map<String, Object> completion(Map<String, Object> message, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-bench");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", MODEL);
        body.put("choices", List.of(choice));
        body.put("usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15));
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
