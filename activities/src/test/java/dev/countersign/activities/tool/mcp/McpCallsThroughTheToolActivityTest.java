package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.payload.PayloadBounds;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls to the reference "everything" server as the tool activity makes them: checked against the
 * server's schema, bounded in size, failing with the server's message.
 */
class McpCallsThroughTheToolActivityTest {

    private static final int BOUND = 4096;

    private static McpServers servers;
    private static ToolRegistry registry;
    private static ToolActivitiesImpl activities;

    @BeforeAll
    static void connect() {
        servers = McpServers.open(
                Map.of("everything", ReferenceServers.everything().withTimeout(Duration.ofSeconds(5))), Set.of());
        registry = new ToolRegistry(servers.tools());
        activities = new ToolActivitiesImpl(registry, BOUND);
    }

    @AfterAll
    static void close() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aResultOverTheBoundIsRecordedTruncatedWithAMarker() {
        ToolResult result = activities.executeTool(
                EverythingServerOverStdioTest.invocation("everything_echo", Map.of("message", "x".repeat(20_000))));

        assertThat(PayloadBounds.isTruncated(result.output())).isTrue();
        assertThat(PayloadBounds.jsonBytes(result.output())).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void anErrorResultFailsTheCallWithTheServersMessageWithoutRetries() {
        assertThatThrownBy(() -> activities.executeTool(EverythingServerOverStdioTest.invocation(
                        "everything_gzip-file-as-resource", Map.of("name", "a.gz", "data", "ftp://example.com/a"))))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getType()).isEqualTo(McpTool.SERVER_ERROR);
                    assertThat(failure.getOriginalMessage())
                            .contains("Unsupported URL protocol for ftp://example.com/a");
                });
    }

    @Test
    void argumentsThatFailTheServersSchemaAreRefusedBeforeTheServerSeesThem() {
        assertThatThrownBy(() -> activities.executeTool(EverythingServerOverStdioTest.invocation(
                        "everything_get-structured-content", Map.of("location", "Paris"))))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(ToolActivitiesImpl.INVALID_ARGUMENTS);
                    assertThat(failure.getOriginalMessage())
                            .contains("'location'")
                            .contains("New York");
                });
    }

    @Test
    void contentThatIsNotTextIsDescribed() {
        String data = "data:text/plain;base64," + Base64.getEncoder().encodeToString("hello".getBytes());

        ToolResult result = activities.executeTool(EverythingServerOverStdioTest.invocation(
                "everything_gzip-file-as-resource", Map.of("name", "a.gz", "data", data, "outputType", "resource")));

        assertThat(result.output().get("content"))
                .asList()
                .singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("type", "resource")
                .containsKey("uri");
    }

    @Test
    void theServersHintsAreTagsAndOnlyIdempotentHintMakesAToolIdempotent() {
        var echo = registry.find("everything_echo").orElseThrow();
        var logging = registry.find("everything_toggle-simulated-logging").orElseThrow();

        assertThat(echo.tags()).containsExactly("read-only", "idempotent");
        assertThat(echo.idempotent()).isTrue();
        assertThat(echo.annotations())
                .containsEntry("readOnlyHint", true)
                .containsEntry("destructiveHint", false)
                .containsEntry("idempotentHint", true)
                .containsEntry("openWorldHint", false);
        assertThat(logging.idempotent()).isFalse();
        assertThat(logging.tags()).isEqualTo(List.of("not-idempotent"));
    }
}
