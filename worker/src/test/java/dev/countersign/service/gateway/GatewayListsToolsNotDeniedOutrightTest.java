package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tools/list through the gateway: upstream tools named {@code <server>_<tool>}, less those the policy always denies. */
class GatewayListsToolsNotDeniedOutrightTest extends GatewayTest {

    @Test
    void requesterWithAnApiTokenSeesTheUpstreamToolsThePolicyMayAllow() {
        try (McpSyncClient client = client(token("dave"))) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            List<String> names = tools.stream().map(McpSchema.Tool::name).toList();

            assertThat(names)
                    .contains("everything_echo", "files_read_text_file", "files_write_file")
                    .doesNotContain("files_create_directory", "everything_get-sum", "files_move_file");
            McpSchema.Tool echo = tools.stream()
                    .filter(tool -> tool.name().equals("everything_echo"))
                    .findFirst()
                    .orElseThrow();
            assertThat(echo.description()).isNotBlank();
            assertThat(echo.inputSchema()).containsKey("properties");
        }
    }
}
