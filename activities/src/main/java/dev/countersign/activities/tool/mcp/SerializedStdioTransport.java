package dev.countersign.activities.tool.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport with its sends taken one at a time: in SDK 2.0.1 two messages sent at
 * once (the {@code initialized} notification and the first request, or two calls) can fail with
 * "Failed to enqueue message" (modelcontextprotocol/java-sdk#875, fixed after 2.0.1).
 */
final class SerializedStdioTransport extends StdioClientTransport {

    SerializedStdioTransport(ServerParameters params, McpJsonMapper json) {
        super(params, json);
    }

    @Override
    public synchronized Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return super.sendMessage(message);
    }
}
