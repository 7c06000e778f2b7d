package dev.countersign.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.cli.output.Json;
import java.util.Optional;

/**
 * An error answer of the API (RFC 9457 problem+json). {@code body} is the JSON as the server sent it,
 * or one built from the status when the answer was not problem+json (a proxy's error page, say).
 */
public record Problem(int status, String title, String detail, String code, JsonNode body) {

    public static Problem from(int status, JsonNode body) {
        if (body != null && body.isObject() && (body.has("title") || body.has("detail") || body.has("code"))) {
            String title = Json.text(body, "title");
            return new Problem(
                    status,
                    title.isEmpty() ? HttpStatusText.of(status) : title,
                    Json.text(body, "detail"),
                    Json.text(body, "code"),
                    body);
        }
        ObjectNode synthesized = Json.MAPPER.createObjectNode();
        synthesized.put("type", "about:blank");
        synthesized.put("title", HttpStatusText.of(status));
        synthesized.put("status", status);
        return new Problem(status, HttpStatusText.of(status), "", "", synthesized);
    }

    public Optional<String> codeIfAny() {
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    /** "title: detail", or the title alone. */
    public String message() {
        return detail.isEmpty() ? title : title + ": " + detail;
    }
}
