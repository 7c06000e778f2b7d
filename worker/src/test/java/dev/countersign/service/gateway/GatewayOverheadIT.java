package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.mcp.ReferenceServers;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleToLongFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What the gateway costs: the echo of the reference "everything" server called through the gateway (an
 * auto call: policy, schema check, the tool code an agent's call runs) and called directly on the same
 * server over stdio, alternating in one run so drift hits both. It prints p50/p90/p99/max of both and
 * writes them to target/gateway-overhead.md; it asserts only that every call came back, never a time.
 */
class GatewayOverheadIT extends GatewayTest {

    static final int WARM_UP = 200;
    static final int MEASURED = 2_000;
    static final Path REPORT = Path.of("target", "gateway-overhead.md");

    @Test
    void autoCallThroughTheGatewayIsMeasuredAgainstADirectCall() throws IOException {
        long[] gateway = new long[MEASURED];
        long[] direct = new long[MEASURED];
        try (McpSyncClient throughGateway = client(token("dave"));
                McpSyncClient straight = directClient()) {
            for (int i = 0; i < WARM_UP; i++) {
                echo(throughGateway, "everything_echo", i);
                echo(straight, "echo", i);
            }
            for (int i = 0; i < MEASURED; i++) {
                boolean gatewayFirst = i % 2 == 0;
                if (gatewayFirst) {
                    gateway[i] = echo(throughGateway, "everything_echo", i);
                }
                direct[i] = echo(straight, "echo", i);
                if (!gatewayFirst) {
                    gateway[i] = echo(throughGateway, "everything_echo", i);
                }
            }
        }
        String table = table(Latencies.of(direct), Latencies.of(gateway));
        System.out.println(
                "Gateway overhead, " + MEASURED + " calls each after " + WARM_UP + " warm-up calls:\n" + table);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table);
    }

    /** Calls the echo tool and returns how long the call took in nanoseconds, once its echo came back. */
    static long echo(McpSyncClient client, String tool, int i) {
        String message = "overhead " + i;
        long start = System.nanoTime();
        McpSchema.CallToolResult result =
                client.callTool(new McpSchema.CallToolRequest(tool, Map.of("message", message)));
        long took = System.nanoTime() - start;
        assertThat(result.isError()).as("%s call %d", tool, i).isNotEqualTo(Boolean.TRUE);
        assertThat(GatewayForwardsAutoCallsTest.text(result)).contains(message);
        return took;
    }

    /** The SDK's own client on a second process of the everything server over stdio, the gateway left out. */
    static McpSyncClient directClient() {
        ServerParameters everything = ServerParameters.builder("node")
                .args(ReferenceServers.entryPoint("server-everything"), "stdio")
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

    static String table(Latencies direct, Latencies gateway) {
        return """
                | %d echo calls | p50 | p90 | p99 | max |
                | --- | --- | --- | --- | --- |
                %s
                %s
                %s
                """.formatted(
                        MEASURED,
                        row("direct, MCP Java SDK client over stdio", direct::at),
                        row("through the gateway, streamable HTTP", gateway::at),
                        row("difference", percentile -> gateway.at(percentile) - direct.at(percentile)));
    }

    /** A table row of the percentiles 50, 90, 99 and 100 (the slowest call). */
    static String row(String name, DoubleToLongFunction at) {
        return "| %s | %s | %s | %s | %s |"
                .formatted(
                        name,
                        millis(at.applyAsLong(0.50)),
                        millis(at.applyAsLong(0.90)),
                        millis(at.applyAsLong(0.99)),
                        millis(at.applyAsLong(1.0)));
    }

    static String millis(long nanos) {
        return "%.2f ms".formatted(nanos / 1_000_000.0);
    }

    /** Call durations in nanoseconds, sorted, read by nearest rank. */
    record Latencies(long[] sorted) {

        static Latencies of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(sorted);
        }

        long at(double percentile) {
            int rank = (int) Math.ceil(percentile * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
