package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A call the policy lets run on its own reaches the upstream server at once and its result comes back. */
class GatewayForwardsAutoCallsTest extends GatewayTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void autoCallReturnsTheUpstreamResult() {
        double before = calls(meters, "everything_echo", "forwarded");
        try (McpSyncClient client = client(token("dave"))) {
            McpSchema.CallToolResult echoed = client.callTool(
                    new McpSchema.CallToolRequest("everything_echo", Map.of("message", "hello gateway")));
            McpSchema.CallToolResult read = client.callTool(new McpSchema.CallToolRequest(
                    "files_read_text_file",
                    Map.of("path", sandbox.resolve("notes.txt").toString())));

            assertThat(echoed.isError()).isFalse();
            assertThat(text(echoed)).contains("hello gateway");
            assertThat(read.isError()).isFalse();
            assertThat(text(read)).contains("first line");
        }
        assertThat(calls(meters, "everything_echo", "forwarded")).isEqualTo(before + 1);
    }

    static double calls(MeterRegistry meters, String tool, String outcome) {
        Counter counter = meters.find(GatewayCalls.METER)
                .tag("tool", tool)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .reduce("", String::concat);
    }
}
