package dev.countersign.activities.tool.mcp;

/** An MCP server of the agents file could not be connected at start; names the server and the cause. */
public class McpServerUnreachable extends RuntimeException {

    public McpServerUnreachable(String name, McpServerSpec spec, Throwable cause) {
        super(
                "the MCP server '" + name + "' (" + spec.where() + ") cannot be reached: "
                        + McpFailures.describe(cause),
                cause);
    }
}
