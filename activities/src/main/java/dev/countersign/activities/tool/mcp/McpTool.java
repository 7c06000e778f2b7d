package dev.countersign.activities.tool.mcp;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.JsonSchemaArguments;
import dev.countersign.activities.tool.PathArguments;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.ToolInvocation;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool of an MCP server as a Countersign tool, named {@code <server>_<tool>}. Its arguments are
 * checked against the server's whole input schema before the policy sees them; the server's hints
 * (annotations) become tags; each call carries Countersign's idempotency key in its {@code _meta}
 * ({@value #IDEMPOTENCY_KEY_META}). A call that may have reached the server is retried only when
 * the server says the tool is idempotent ({@code idempotentHint: true}).
 */
public final class McpTool implements Tool {

    /** The {@code _meta} key of each request that carries the call's idempotency key. */
    public static final String IDEMPOTENCY_KEY_META = "dev.countersign/idempotency-key";

    /** Failure types, as the action's TOOL_FAILED shows them. */
    public static final String SERVER_ERROR = "McpToolError";

    public static final String NO_ANSWER = "McpNoAnswer";
    public static final String CONNECTION_LOST = "McpConnectionLost";
    public static final String UNREACHABLE = "McpServerUnreachable";

    private final String name;
    private final McpServerConnection server;
    private final McpSchema.Tool definition;
    private final JsonSchemaCheck check;
    private final ArgumentSchema schema;
    private final PathArguments paths;

    McpTool(String name, McpServerConnection server, McpSchema.Tool definition) {
        this.name = name;
        this.server = server;
        this.definition = definition;
        Map<String, Object> input = definition.inputSchema() == null ? Map.of() : definition.inputSchema();
        this.check = JsonSchemaCheck.of(input);
        this.schema = JsonSchemaArguments.checkablePartOf(input);
        this.paths =
                server.spec().paths() == null ? null : server.spec().paths().normalizer();
    }

    @Override
    public String name() {
        return name;
    }

    /** The server's name of this tool. */
    public String serverTool() {
        return definition.name();
    }

    public String server() {
        return server.name();
    }

    /** The tool as the server listed it (its own name, schema and hints), for a gateway that lists it on. */
    public McpSchema.Tool definition() {
        return definition;
    }

    @Override
    public String description() {
        return definition.description() == null ? "" : definition.description();
    }

    /** The top level of the input schema, for the console's form; {@link #violations} checks all of it. */
    @Override
    public ArgumentSchema schema() {
        return schema;
    }

    /** The input schema exactly as the server gave it. */
    @Override
    public Map<String, Object> jsonSchema() {
        return definition.inputSchema() == null ? Map.of("type", "object") : definition.inputSchema();
    }

    /** The path arguments absolute and real, where the server's entry names them (its {@code paths}). */
    @Override
    public Map<String, Object> normalized(Map<String, Object> args) {
        return paths == null ? args : paths.normalized(args);
    }

    /**
     * For a server whose entry names its path arguments (a file server): what a {@code write_file} or
     * an {@code edit_file} would change, as a diff asked of the server without changing anything.
     */
    @Override
    public Optional<String> preview(Map<String, Object> args) {
        return paths == null ? Optional.empty() : FileChangePreview.of(server, definition.name(), args);
    }

    @Override
    public List<String> violations(Map<String, Object> args) {
        return check.violations(args);
    }

    /** The hints the server states true, as tags: read-only, destructive, idempotent, open-world. */
    @Override
    public List<String> tags() {
        McpSchema.ToolAnnotations hints = definition.annotations();
        List<String> tags = new ArrayList<>();
        if (hints != null) {
            addIf(tags, hints.readOnlyHint(), "read-only");
            addIf(tags, hints.destructiveHint(), "destructive");
            addIf(tags, hints.idempotentHint(), "idempotent");
            addIf(tags, hints.openWorldHint(), "open-world");
        }
        return tags;
    }

    /** The hints the server states, true or false, by their MCP names (readOnlyHint, ...). */
    @Override
    public Map<String, Object> annotations() {
        McpSchema.ToolAnnotations hints = definition.annotations();
        Map<String, Object> stated = new LinkedHashMap<>();
        if (hints != null) {
            putIf(stated, "readOnlyHint", hints.readOnlyHint());
            putIf(stated, "destructiveHint", hints.destructiveHint());
            putIf(stated, "idempotentHint", hints.idempotentHint());
            putIf(stated, "openWorldHint", hints.openWorldHint());
        }
        return stated;
    }

    /** Only when the server says so ({@code idempotentHint: true}): MCP has no idempotency key of its own. */
    @Override
    public boolean idempotent() {
        return definition.annotations() != null
                && Boolean.TRUE.equals(definition.annotations().idempotentHint());
    }

    /** When the server's entry lists it in {@code local-tools}. */
    @Override
    public boolean runsLocally() {
        return server.spec().localTools().contains(definition.name());
    }

    @Override
    public Map<String, Object> execute(ToolInvocation invocation) {
        McpSchema.CallToolResult result;
        try {
            result = server.call(
                    definition.name(), invocation.args(), Map.of(IDEMPOTENCY_KEY_META, invocation.idempotencyKey()));
        } catch (McpServerUnreachable notCalled) {
            throw new ToolException(UNREACHABLE, notCalled.getMessage() + "; the tool was not called", true);
        } catch (RuntimeException failed) {
            throw failure(failed);
        }
        if (Boolean.TRUE.equals(result.isError())) {
            throw new ToolException(SERVER_ERROR, McpResults.errorText(result), false);
        }
        return McpResults.toJson(result);
    }

    private ToolException failure(RuntimeException failed) {
        if (McpFailures.answeredByServer(failed)) {
            return new ToolException(SERVER_ERROR, McpFailures.describe(failed), false);
        }
        String retry = idempotent()
                ? "; it is retried, since the server says the tool is idempotent"
                : "; it is not sent again";
        if (McpFailures.timedOut(failed)) {
            return new ToolException(
                    NO_ANSWER,
                    "the MCP server '" + server.name() + "' did not answer " + definition.name() + " within "
                            + server.spec().timeout() + "; it may still have acted on the call" + retry,
                    idempotent());
        }
        return new ToolException(
                CONNECTION_LOST,
                "the connection to the MCP server '" + server.name() + "' failed during " + definition.name() + " ("
                        + McpFailures.describe(failed) + "); the server may have acted on the call" + retry,
                idempotent());
    }

    private static void addIf(List<String> tags, Boolean hint, String tag) {
        if (Boolean.TRUE.equals(hint)) {
            tags.add(tag);
        }
    }

    private static void putIf(Map<String, Object> stated, String name, Boolean hint) {
        if (hint != null) {
            stated.put(name, hint);
        }
    }

    @Override
    public String toString() {
        return "tool " + definition.name() + " of the MCP server " + server.name();
    }
}
