package dev.countersign.activities.tool.mcp;

import dev.countersign.activities.tool.UnifiedDiff;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file server's write or edit would change, asked of the server without changing anything: a
 * {@code write_file} is compared with the file as {@code read_text_file} reads it now, an {@code
 * edit_file} is sent again with {@code dryRun: true} (the server answers with its diff). Never the
 * call itself; a failure becomes a preview saying why the change could not be shown.
 */
final class FileChangePreview {

    static final String WRITE = "write_file";
    static final String EDIT = "edit_file";
    static final String READ = "read_text_file";

    private static final Pattern FENCED = Pattern.compile("\\A\\s*(`{3,})diff\\n(.*?)\\1\\s*\\z", Pattern.DOTALL);

    private FileChangePreview() {}

    /** The preview of this call of the server's tool, or empty for a tool that changes no file's text. */
    static Optional<String> of(McpServerConnection server, String tool, Map<String, Object> args) {
        if (WRITE.equals(tool)
                && args.get("path") instanceof String path
                && args.get("content") instanceof String content) {
            return Optional.of(shown(server, () -> write(server, path, content)));
        }
        if (EDIT.equals(tool) && args.get("path") instanceof String) {
            return Optional.of(shown(server, () -> edit(server, args)));
        }
        return Optional.empty();
    }

    private static String write(McpServerConnection server, String path, String content) {
        McpSchema.CallToolResult read = server.call(READ, Map.of("path", path), Map.of());
        String before = null;
        if (Boolean.TRUE.equals(read.isError())) {
            String error = McpResults.errorText(read);
            if (!error.contains("ENOENT")) {
                return couldNotShow("reading the file failed: " + error);
            }
        } else {
            before = String.valueOf(McpResults.toJson(read).get("text"));
        }
        String diff = UnifiedDiff.between(path, before, content);
        if (!diff.isEmpty()) {
            return diff;
        }
        return before == null
                ? "A new, empty file: " + path
                : "No change: " + path + " already holds exactly this content.";
    }

    private static String edit(McpServerConnection server, Map<String, Object> args) {
        Map<String, Object> dryRun = new LinkedHashMap<>(args);
        dryRun.put("dryRun", true);
        McpSchema.CallToolResult result = server.call(EDIT, dryRun, Map.of());
        if (Boolean.TRUE.equals(result.isError())) {
            return couldNotShow("the server's dry run failed: " + McpResults.errorText(result));
        }
        String text = String.valueOf(McpResults.toJson(result).get("text"));
        Matcher fenced = FENCED.matcher(text);
        return fenced.matches() ? fenced.group(2) : text;
    }

    private static String shown(McpServerConnection server, java.util.function.Supplier<String> preview) {
        try {
            return preview.get();
        } catch (McpServerUnreachable unreachable) {
            return couldNotShow(unreachable.getMessage());
        } catch (RuntimeException failed) {
            if (McpFailures.timedOut(failed)) {
                return couldNotShow("the MCP server '" + server.name() + "' did not answer within "
                        + server.spec().timeout());
            }
            return couldNotShow(McpFailures.describe(failed));
        }
    }

    private static String couldNotShow(String why) {
        return "The change could not be shown: " + why;
    }
}
