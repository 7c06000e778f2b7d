package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolActivitiesImpl;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.tool.ToolInvocation;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference filesystem MCP server, confined to a folder, read and written through the tool activity. */
class FilesystemServerTest {

    @TempDir
    Path sandbox;

    private McpServers servers;
    private ToolActivitiesImpl activities;

    @BeforeEach
    void connect() throws IOException {
        servers = McpServers.open(Map.of("files", ReferenceServers.filesystem(sandbox.toRealPath())), Set.of());
        activities = new ToolActivitiesImpl(new ToolRegistry(servers.tools()));
    }

    @AfterEach
    void close() {
        if (servers != null) { // null when the reference servers are not installed and the test skipped
            servers.close();
        }
    }

    @Test
    void aFileWrittenThroughTheToolHoldsTheContentAndReadsBack() throws IOException {
        Path file = sandbox.toRealPath().resolve("note.txt");

        activities.executeTool(call("files_write_file", Map.of("path", file.toString(), "content", "approved text")));

        assertThat(Files.readString(file)).isEqualTo("approved text");
        assertThat(activities
                        .executeTool(call("files_read_text_file", Map.of("path", file.toString())))
                        .output())
                .containsEntry("text", "approved text");
    }

    @Test
    void aPathOutsideTheFolderFailsTheCallWithTheServersMessage() {
        assertThatThrownBy(() -> activities.executeTool(call("files_read_text_file", Map.of("path", "/etc/hostname"))))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getOriginalMessage()).containsIgnoringCase("access denied");
                });
    }

    private static ToolInvocation call(String tool, Map<String, Object> args) {
        return new ToolInvocation("task-1", "action-1", tool, args, null, "task-1/action-1");
    }
}
