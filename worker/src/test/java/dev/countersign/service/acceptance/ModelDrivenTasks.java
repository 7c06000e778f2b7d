package dev.countersign.service.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.activities.model.OpenAiStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** What the tests of model-driven agents read: a task's actions, and what the model was sent. */
final class ModelDrivenTasks {

    private ModelDrivenTasks() {}

    /** Each action of the task as "tool STATE", in order. */
    static List<String> states(tools.jackson.databind.JsonNode task) {
        List<String> states = new ArrayList<>();
        task.path("actions")
                .forEach(action -> states.add(action.path("tool").asString() + " "
                        + action.path("state").asString()));
        return states;
    }

    /** The bodies of the requests the model got after the first {@code before}. */
    static List<JsonNode> requestsSince(OpenAiStub model, int before) {
        return model.received().stream()
                .skip(before)
                .map(OpenAiStub.Received::body)
                .toList();
    }

    /** The content of the tool message that answers this call in a request. */
    static String toolMessage(JsonNode request, String callId) {
        for (JsonNode message : request.path("messages")) {
            if ("tool".equals(message.path("role").asText())
                    && callId.equals(message.path("tool_call_id").asText())) {
                return message.path("content").asText();
            }
        }
        throw new AssertionError("no tool message answers " + callId + " in " + request);
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded Temporal server", e);
        }
    }
}
