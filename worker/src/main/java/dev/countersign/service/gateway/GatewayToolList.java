package dev.countersign.service.gateway;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.tool.mcp.McpServers;
import dev.countersign.activities.tool.mcp.McpTool;
import dev.countersign.task.ActionView;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway's tools/list in line with the current policy: the upstream servers' tools, less
 * those the policy denies outright ({@link OutrightDenial}). Checked on each request to /mcp and
 * redone when the policy's hash changed (a reload), which tells clients the list changed.
 */
final class GatewayToolList {

    static final String REQUESTER = "countersign.requester";
    static final String TASK = "countersign.task";
    static final String SERVICE_URL = "countersign.service-url";

    private static final Logger log = LoggerFactory.getLogger(GatewayToolList.class);

    private final McpSyncServer server;
    private final List<McpTool> tools;
    private final PolicySource policies;
    private final GatewayCalls calls;
    private final Set<String> listed = new HashSet<>();
    private String policyHash;

    GatewayToolList(
            McpSyncServer server,
            McpServers mcpServers,
            Set<String> gatewayServers,
            PolicySource policies,
            GatewayCalls calls) {
        this.server = server;
        this.tools = mcpServers.tools().stream()
                .filter(tool -> gatewayServers.contains(tool.server()))
                .toList();
        this.policies = policies;
        this.calls = calls;
    }

    /** Lists the tools the current policy does not deny outright, if the policy changed since last time. */
    synchronized void refresh() {
        Policy policy = policies.current();
        if (policy.hash().equals(policyHash)) {
            return;
        }
        policyHash = policy.hash();
        for (McpTool tool : tools) {
            boolean visible = !OutrightDenial.denies(policy, tool.name());
            if (visible && listed.add(tool.name())) {
                server.addTool(specification(tool));
            } else if (!visible && listed.remove(tool.name())) {
                server.removeTool(tool.name());
            }
        }
        log.info("MCP gateway lists {} of {} upstream tools under policy {}", listed.size(), tools.size(), policyHash);
    }

    private McpServerFeatures.SyncToolSpecification specification(McpTool tool) {
        McpSchema.Tool upstream = tool.definition();
        McpSchema.Tool listedTool = McpSchema.Tool.builder()
                .name(tool.name())
                .title(upstream.title())
                .description(upstream.description())
                .inputSchema(tool.jsonSchema())
                .annotations(upstream.annotations())
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(listedTool)
                .callHandler((exchange, request) -> calls.call(
                        caller(exchange),
                        tool.name(),
                        request.arguments() == null ? Map.of() : request.arguments(),
                        progress(exchange, request)))
                .build();
    }

    private static GatewayCaller caller(McpSyncServerExchange exchange) {
        McpTransportContext context = exchange.transportContext();
        Object task = context.get(TASK);
        return new GatewayCaller(
                String.valueOf(context.get(REQUESTER)),
                exchange.sessionId(),
                task == null ? null : task.toString(),
                String.valueOf(context.get(SERVICE_URL)));
    }

    /**
     * Tells a caller that asked for progress (a progressToken in the request's _meta) how long its call
     * has waited for reviewers; a caller that did not ask hears nothing.
     */
    private static Consumer<ActionView> progress(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null) {
            return action -> {};
        }
        long started = System.nanoTime();
        return action -> {
            double waited = (System.nanoTime() - started) / 1e9;
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(
                        token,
                        waited,
                        null,
                        "waiting for a reviewer: " + action.tool() + " is "
                                + action.state()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ')));
            } catch (RuntimeException gone) {
                log.debug("progress of a gated call could not be sent: {}", gone.getMessage());
            }
        };
    }
}
