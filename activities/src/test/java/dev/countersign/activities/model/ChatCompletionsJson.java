package dev.countersign.activities.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies in the exact shapes of OpenAI's chat-completions API, for a local server to answer with. */
public final class ChatCompletionsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool call of a reply: its id, the function's name and its arguments as the raw string. */
    public record Call(String id, String name, String arguments) {}

    private ChatCompletionsJson() {}

    /** A reply that proposes these calls, with the model's text beside them (null for none). */
    public static String toolCalls(String text, Call... calls) {
        List<Map<String, Object>> toolCalls = new ArrayList<>();
        for (Call call : calls) {
            toolCalls.add(Map.of(
                    "id",
                    call.id(),
                    "type",
                    "function",
                    "function",
                    Map.of("name", call.name(), "arguments", call.arguments())));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        message.put("tool_calls", toolCalls);
        return completion(message, "tool_calls");
    }

    /** A reply with text only: the model is done. */
    public static String text(String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        return completion(message, "stop");
    }

    /** OpenAI's error body. */
    public static String error(String message, String type) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", null);
        return write(Map.of("error", error));
    }

    private static String completion(Map<String, Object> message, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finishReason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "chatcmpl-test");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", "test-model");
        body.put("choices", List.of(choice));
        body.put("usage", Map.of("prompt_tokens", 120, "completion_tokens", 30, "total_tokens", 150));
        return write(body);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
