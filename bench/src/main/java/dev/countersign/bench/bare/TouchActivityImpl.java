package dev.countersign.bench.bare;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.activity.Activity;
import java.util.Map;

/** Calls the touch tool with the MCP Java SDK's client over streamable HTTP, as Countersign's worker does. */
public class TouchActivityImpl implements TouchActivity {

    private final McpSyncClient client;

    public TouchActivityImpl(McpSyncClient client) {
        this.client = client;
    }

    @Override
    public void touchAfterHeartbeat(String gate) {
        Activity.getExecutionContext().heartbeat("running:1");
        touch(gate);
    }

    @Override
    public void touch(String gate) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("touch", Map.of("gate", gate)));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("the touch tool failed for " + gate + ": " + result.content());
        }
    }
}
