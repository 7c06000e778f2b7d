package dev.countersign.service.gateway;

import static dev.countersign.service.gateway.GatewayForwardsAutoCallsTest.calls;
import static dev.countersign.service.gateway.GatewayForwardsAutoCallsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A call the policy denies comes back as an error result with the policy's reason, and never reaches the server. */
class GatewayRefusesDeniedCallsTest extends GatewayTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void deniedCallIsAnErrorWithThePolicysReasonAndTheUpstreamIsNotCalled() {
        var secret = sandbox.resolve("keys.secret");
        double before = calls(meters, "files_write_file", "denied");
        try (McpSyncClient client = client(token("dave"))) {
            McpSchema.CallToolResult denied = client.callTool(new McpSchema.CallToolRequest(
                    "files_write_file", Map.of("path", secret.toString(), "content", "k")));

            assertThat(denied.isError()).isTrue();
            assertThat(text(denied))
                    .contains("no-secrets")
                    .contains("secret files are never written through the gateway");
        }
        assertThat(secret).doesNotExist();
        assertThat(calls(meters, "files_write_file", "denied")).isEqualTo(before + 1);
    }
}
