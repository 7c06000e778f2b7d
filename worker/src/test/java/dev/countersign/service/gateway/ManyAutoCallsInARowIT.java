package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Many auto calls in a row on one MCP session through the gateway each come back with their own
 * answer. What the gateway costs against a direct call is measured by the bench (docs/performance.md),
 * not here: a test asserts behaviour, never a time.
 */
class ManyAutoCallsInARowIT extends GatewayTest {

    static final int CALLS = 500;

    @Test
    void everyCallOfALongRunIsAnsweredWithItsOwnEcho() {
        try (McpSyncClient client = client(token("dave"))) {
            for (int i = 0; i < CALLS; i++) {
                String message = "call " + i + " of " + CALLS + ".";
                McpSchema.CallToolResult result =
                        client.callTool(new McpSchema.CallToolRequest("everything_echo", Map.of("message", message)));
                assertThat(result.isError()).as("call %d", i).isNotEqualTo(Boolean.TRUE);
                assertThat(GatewayForwardsAutoCallsTest.text(result))
                        .as("call %d", i)
                        .contains(message);
            }
        }
    }
}
