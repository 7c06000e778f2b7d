package dev.countersign.activities.tool.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MCP tool result as the JSON object Countersign records: {@code text} (the text contents, joined
 * by blank lines), {@code structuredContent} when the server gave one, and {@code content}, one
 * description for each content that is not text (an image's type and size, a resource's URI).
 */
final class McpResults {

    private McpResults() {}

    static Map<String, Object> toJson(McpSchema.CallToolResult result) {
        List<String> texts = new ArrayList<>();
        List<Map<String, Object>> others = new ArrayList<>();
        for (McpSchema.Content content : result.content() == null ? List.<McpSchema.Content>of() : result.content()) {
            if (content instanceof McpSchema.TextContent text) {
                texts.add(text.text());
            } else {
                others.add(describe(content));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", String.join("\n\n", texts));
        if (result.structuredContent() != null) {
            json.put("structuredContent", result.structuredContent());
        }
        if (!others.isEmpty()) {
            json.put("content", others);
        }
        return json;
    }

    /** The text an error result carries, or a word saying it carried none. */
    static String errorText(McpSchema.CallToolResult result) {
        String text = String.valueOf(toJson(result).get("text"));
        return text.isBlank() ? "the server reported an error and gave no text" : text;
    }

    private static Map<String, Object> describe(McpSchema.Content content) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("type", content.type());
        if (content instanceof McpSchema.ImageContent image) {
            described.put("mimeType", image.mimeType());
            described.put("base64Chars", image.data() == null ? 0 : image.data().length());
        } else if (content instanceof McpSchema.AudioContent audio) {
            described.put("mimeType", audio.mimeType());
            described.put("base64Chars", audio.data() == null ? 0 : audio.data().length());
        } else if (content instanceof McpSchema.ResourceLink link) {
            described.put("uri", link.uri());
            described.put("name", link.name());
        } else if (content instanceof McpSchema.EmbeddedResource embedded) {
            described.put("uri", embedded.resource().uri());
            if (embedded.resource() instanceof McpSchema.TextResourceContents text) {
                described.put("text", text.text());
            }
        }
        return described;
    }
}
