package dev.countersign.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Mono;

/**
 * What the MCP gateway costs on an auto call: the echo of the reference "everything" server through
 * the service's /mcp (streamable HTTP, bearer token; policy, schema check, the tool code an agent's call
 * runs, its own stdio call upstream) against the same echo called directly over stdio on a second
 * process of that server, alternating call by call so drift hits both.
 */
final class GatewayOverhead {

    private final BenchOptions options;

    GatewayOverhead(BenchOptions options) {
        this.options = options;
    }

    void run(ServiceApi api, String token, Report report) {
        Histogram direct = OpenLoop.histogram();
        Histogram gateway = OpenLoop.histogram();
        int warmup = options.integer("gateway-warmup");
        int calls = options.integer("gateway-calls");
        try (Closing through = new Closing(gatewayClient(api, token));
                Closing straight = new Closing(directClient())) {
            for (int i = 0; i < warmup; i++) {
                echo(through.client, "everything_echo", i);
                echo(straight.client, "echo", i);
            }
            for (int i = 0; i < calls; i++) {
                if (i % 2 == 0) {
                    gateway.recordValue(echo(through.client, "everything_echo", i));
                    direct.recordValue(echo(straight.client, "echo", i));
                } else {
                    direct.recordValue(echo(straight.client, "echo", i));
                    gateway.recordValue(echo(through.client, "everything_echo", i));
                }
            }
        }
        StringBuilder text = new StringBuilder("## The MCP gateway's overhead\n\n");
        text.append("""
                An auto call through the gateway against the same call made directly: the echo of the reference
                "everything" server (`everything_echo` through the gateway at `/mcp`, with the MCP Java SDK client
                over streamable HTTP and an API token; `echo` directly, with the same SDK's client over stdio on a
                second process of the same server). After %d warm-up calls each, %d calls each alternate (gateway
                first on even calls, direct first on odd ones), one at a time. The gateway's time includes the HTTP
                round trip, the bearer token check, the policy, the schema check, the tool code an agent's call runs,
                the INFO log line and the metric, and its own stdio call to its upstream process.

                | %d echo calls | p50 | p90 | p99 | max | count |
                | --- | --- | --- | --- | --- | --- |
                """.formatted(warmup, calls, calls));
        text.append(Report.percentileRow("direct, MCP Java SDK client over stdio", direct))
                .append('\n');
        text.append(Report.percentileRow("through the gateway, streamable HTTP", gateway))
                .append('\n');
        text.append("| difference | %s | %s | %s | %s | |\n"
                .formatted(
                        Report.ms(gateway.getValueAtPercentile(50) - direct.getValueAtPercentile(50)),
                        Report.ms(gateway.getValueAtPercentile(90) - direct.getValueAtPercentile(90)),
                        Report.ms(gateway.getValueAtPercentile(99) - direct.getValueAtPercentile(99)),
                        Report.ms(gateway.getMaxValue() - direct.getMaxValue())));
        text.append("\nThe differences are of the percentiles, not percentiles of per-call differences. Raw: [direct](")
                .append(report.hgrm("gateway-direct", direct))
                .append("), [gateway](")
                .append(report.hgrm("gateway-through", gateway))
                .append(").\n\n");
        Charts.percentiles(
                "MCP echo: direct over stdio vs through the gateway",
                Map.of("direct", direct, "gateway", gateway),
                report.image("gateway"));
        text.append(Report.imageLink("gateway", "echo latency by percentile, direct and through the gateway"))
                .append('\n');
        report.section(text.toString());
    }

    /** The call's duration in microseconds, once its echo came back. */
    private static long echo(McpSyncClient client, String tool, int i) {
        String message = "overhead " + i;
        long start = System.nanoTime();
        McpSchema.CallToolResult result =
                client.callTool(new McpSchema.CallToolRequest(tool, Map.of("message", message)));
        long took = (System.nanoTime() - start) / 1_000;
        if (Boolean.TRUE.equals(result.isError())
                || !String.valueOf(result.content()).contains(message)) {
            throw new IllegalStateException(tool + " call " + i + " did not echo: " + result);
        }
        return took;
    }

    private static McpSyncClient gatewayClient(ServiceApi api, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(api.root())
                .endpoint("/mcp")
                .jsonMapper(McpJsonDefaults.getMapper())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", ServiceApi.bearer(token)))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
        return client;
    }

    private static McpSyncClient directClient() {
        ServerParameters everything = ServerParameters.builder("node")
                .args(BenchFiles.everythingEntryPoint(), "stdio")
                .build();
        // One send at a time, as the gateway's own stdio transport does (java-sdk#875 in 2.0.1).
        StdioClientTransport stdio = new StdioClientTransport(everything, McpJsonDefaults.getMapper()) {
            @Override
            public synchronized Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
                return super.sendMessage(message);
            }
        };
        McpSyncClient client = McpClient.sync(stdio)
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(20))
                .build();
        client.initialize();
        return client;
    }

    /** An MCP client closed at the end of a try block. */
    private record Closing(McpSyncClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.closeGracefully();
        }
    }
}
