package dev.countersign.activities.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a chat-completions request body as OpenAI does before it answers, so a test fails on a
 * request OpenAI would refuse with a 400: a model; messages with known roles, system ones only
 * first; every assistant message with tool_calls followed at once by tool messages answering exactly
 * its ids; no tool message that answers nothing; tools of type "function" with a valid name and an
 * object JSON Schema whose arrays have items. Reusable by any test that serves or records such
 * requests.
 */
public final class ChatCompletionsRequestChecker {

    private static final Pattern FUNCTION_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private ChatCompletionsRequestChecker() {}

    /** Every way the request breaks OpenAI's rules; empty when OpenAI would take it. */
    public static List<String> problems(JsonNode request) {
        List<String> problems = new ArrayList<>();
        if (!request.path("model").isTextual() || request.path("model").asText().isBlank()) {
            problems.add("'model' is missing");
        }
        checkMessages(request.path("messages"), problems);
        checkTools(request.path("tools"), problems);
        return problems;
    }

    /** Throws an AssertionError listing the problems, if any. */
    public static void assertValid(JsonNode request) {
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenAI would refuse this request: " + problems + "\n" + request.toPrettyString());
        }
    }

    private static void checkMessages(JsonNode messages, List<String> problems) {
        if (!messages.isArray() || messages.isEmpty()) {
            problems.add("'messages' must be a non-empty array");
            return;
        }
        Set<String> open = new LinkedHashSet<>();
        Set<String> answered = new LinkedHashSet<>();
        boolean seenOther = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            String where = "messages[" + i + "] (" + role + ")";
            if (!ROLES.contains(role)) {
                problems.add(where + ": unknown role");
                continue;
            }
            if (!role.equals("tool") && !open.isEmpty()) {
                problems.add(where + ": tool_call_ids " + open + " are not answered before it");
                open.clear();
            }
            switch (role) {
                case "system", "developer" -> {
                    if (seenOther) {
                        problems.add(where + ": a system message must come before the conversation");
                    }
                    requireText(message, where, problems);
                }
                case "user" -> requireText(message, where, problems);
                case "assistant" -> checkAssistant(message, where, open, answered, problems);
                case "tool" -> checkTool(message, where, open, problems);
                default -> {}
            }
            seenOther |= !role.equals("system") && !role.equals("developer");
        }
        if (!open.isEmpty()) {
            problems.add("tool_call_ids " + open + " are never answered");
        }
    }

    private static void checkAssistant(
            JsonNode message, String where, Set<String> open, Set<String> answered, List<String> problems) {
        JsonNode calls = message.path("tool_calls");
        if (calls.isMissingNode() || calls.isNull()) {
            requireText(message, where, problems);
            return;
        }
        if (!calls.isArray() || calls.isEmpty()) {
            problems.add(where + ": tool_calls must be a non-empty array");
            return;
        }
        for (JsonNode call : calls) {
            String id = call.path("id").asText("");
            if (id.isBlank()) {
                problems.add(where + ": a tool call without an id");
            } else if (!open.add(id) || answered.contains(id)) {
                problems.add(where + ": the tool_call_id " + id + " is used twice");
            }
            answered.add(id);
            if (!"function".equals(call.path("type").asText())) {
                problems.add(where + ": tool call " + id + " must have type 'function'");
            }
            if (!call.path("function").path("name").isTextual()) {
                problems.add(where + ": tool call " + id + " has no function name");
            }
            if (!call.path("function").path("arguments").isTextual()) {
                problems.add(where + ": tool call " + id + " must carry its arguments as a string");
            }
        }
    }

    private static void checkTool(JsonNode message, String where, Set<String> open, List<String> problems) {
        String id = message.path("tool_call_id").asText("");
        if (!open.remove(id)) {
            problems.add(where + ": tool_call_id '" + id
                    + "' does not answer a tool call of the assistant message just before");
        }
        requireText(message, where, problems);
    }

    private static void requireText(JsonNode message, String where, List<String> problems) {
        JsonNode content = message.path("content");
        if (!(content.isTextual() || content.isArray())) {
            problems.add(where + ": 'content' must be a string");
        }
    }

    private static void checkTools(JsonNode tools, List<String> problems) {
        if (tools.isMissingNode()) {
            return;
        }
        if (!tools.isArray() || tools.isEmpty()) {
            problems.add("'tools' must be a non-empty array when present");
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String where = "tools[" + i + "]";
            if (!"function".equals(tool.path("type").asText())) {
                problems.add(where + ": type must be 'function'");
            }
            String name = tool.path("function").path("name").asText("");
            if (!FUNCTION_NAME.matcher(name).matches()) {
                problems.add(where + ": function.name '" + name + "' must match " + FUNCTION_NAME);
            }
            if (!names.add(name)) {
                problems.add(where + ": two tools are named '" + name + "'");
            }
            JsonNode parameters = tool.path("function").path("parameters");
            if (!parameters.isMissingNode()) {
                if (!"object".equals(parameters.path("type").asText())) {
                    problems.add(where + ": parameters must be a JSON Schema with type 'object'");
                }
                checkSchema(parameters, where + ".parameters", problems);
            }
        }
    }

    private static void checkSchema(JsonNode schema, String where, List<String> problems) {
        String type = schema.path("type").asText("");
        if ("array".equals(type) && !schema.has("items")) {
            problems.add(where + ": array schema missing items");
        }
        if ("object".equals(type) && schema.has("properties")) {
            if (!schema.path("properties").isObject()) {
                problems.add(where + ": properties must be an object");
            }
            schema.path("properties")
                    .properties()
                    .forEach(property ->
                            checkSchema(property.getValue(), where + ".properties." + property.getKey(), problems));
            for (JsonNode required : schema.path("required")) {
                if (!schema.path("properties").has(required.asText())) {
                    problems.add(where + ": required '" + required.asText() + "' is not a property");
                }
            }
        }
    }
}
