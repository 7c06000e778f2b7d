package dev.countersign.service.gateway;

import static dev.countersign.service.gateway.GatewayForwardsAutoCallsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Approvals through the gateway are not built yet: a call that needs one is refused and nothing is sent. */
class GatewayFailsClosedOnApprovalTest extends GatewayTest {

    @Test
    void callNeedingApprovalFailsClosedAndNothingIsCalled() {
        var draft = sandbox.resolve("draft.txt");
        try (McpSyncClient client = client(token("dave"))) {
            McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest(
                    "files_write_file", Map.of("path", draft.toString(), "content", "draft")));

            assertThat(refused.isError()).isTrue();
            assertThat(text(refused))
                    .contains("this call needs approval by [support-leads] (rule writes)")
                    .contains("approvals through the gateway are not available in this version: nothing was sent");
        }
        assertThat(draft).doesNotExist();
    }
}
