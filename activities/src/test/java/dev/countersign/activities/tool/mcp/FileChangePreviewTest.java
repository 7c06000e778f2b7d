package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reviewer of a write or an edit on the reference filesystem server sees what it would change,
 * and asking for it changes nothing.
 */
class FileChangePreviewTest {

    @TempDir
    Path root;

    private Path sandbox;
    private McpServers servers;
    private ToolRegistry registry;

    @BeforeEach
    void filesServer() throws IOException {
        sandbox = Files.createDirectories(root.resolve("sandbox")).toRealPath();
        Files.writeString(sandbox.resolve("notes.txt"), "first line\nsecond line\nthird line\n");
        McpServerSpec files =
                ReferenceServers.filesystem(sandbox).withPaths(new PathArgumentsSpec(sandbox.toString(), null));
        servers = McpServers.open(Map.of("files", files), Set.of());
        registry = new ToolRegistry(servers.tools());
    }

    @AfterEach
    void close() {
        if (servers != null) { // null when the reference servers are not installed and the test skipped
            servers.close();
        }
    }

    @Test
    void aWriteToAnExistingFileShowsTheChangedLinesAndWritesNothing() throws IOException {
        Path notes = sandbox.resolve("notes.txt");

        String preview = preview(
                "files_write_file",
                Map.of("path", notes.toString(), "content", "first line\nsecond line, reviewed\nthird line\n"));

        assertThat(preview)
                .isEqualTo("--- " + notes + "\n+++ " + notes + "\n"
                        + "@@ -1,3 +1,3 @@\n first line\n-second line\n+second line, reviewed\n third line\n");
        assertThat(Files.readString(notes)).isEqualTo("first line\nsecond line\nthird line\n");
    }

    @Test
    void aWriteToANewFileShowsEveryLineAddedAndCreatesNoFile() {
        Path plan = sandbox.resolve("plan.txt");

        String preview =
                preview("files_write_file", Map.of("path", plan.toString(), "content", "step one\nstep two\n"));

        assertThat(preview).isEqualTo("--- /dev/null\n+++ " + plan + "\n@@ -0,0 +1,2 @@\n+step one\n+step two\n");
        assertThat(plan).doesNotExist();
    }

    @Test
    void anEditShowsTheServersDryRunDiffAndLeavesTheFileAsItWas() throws IOException {
        Path notes = sandbox.resolve("notes.txt");

        String preview = preview(
                "files_edit_file",
                Map.of(
                        "path",
                        notes.toString(),
                        "edits",
                        List.of(Map.of("oldText", "second line", "newText", "second line, edited")),
                        "dryRun",
                        false));

        assertThat(preview)
                .contains("-second line\n")
                .contains("+second line, edited\n")
                .doesNotContain("```");
        assertThat(Files.readString(notes)).isEqualTo("first line\nsecond line\nthird line\n");
    }

    @Test
    void aReadThatFailsGivesAPreviewSayingWhyTheChangeCannotBeShown() throws IOException {
        Path folder = Files.createDirectories(sandbox.resolve("folder"));

        String preview = preview("files_write_file", Map.of("path", folder.toString(), "content", "text\n"));

        assertThat(preview).startsWith("The change could not be shown: reading the file failed: ");
        assertThat(folder).isDirectory();
    }

    @Test
    void anEditTheServerRefusesGivesAPreviewSayingWhy() {
        String preview = preview(
                "files_edit_file",
                Map.of(
                        "path",
                        sandbox.resolve("notes.txt").toString(),
                        "edits",
                        List.of(Map.of("oldText", "no such text", "newText", "x"))));

        assertThat(preview).startsWith("The change could not be shown: the server's dry run failed: ");
    }

    @Test
    void readsAndServersWithoutPathsPreviewNothing() throws IOException {
        assertThat(tool("files_read_text_file")
                        .preview(Map.of("path", sandbox.resolve("notes.txt").toString())))
                .isEmpty();
        try (McpServers plain = McpServers.open(Map.of("plain", ReferenceServers.filesystem(sandbox)), Set.of())) {
            Tool write =
                    new ToolRegistry(plain.tools()).find("plain_write_file").orElseThrow();
            assertThat(write.preview(Map.of("path", sandbox.resolve("x.txt").toString(), "content", "x")))
                    .isEmpty();
        }
    }

    private String preview(String name, Map<String, Object> args) {
        return tool(name).preview(args).orElseThrow();
    }

    private Tool tool(String name) {
        return registry.find(name).orElseThrow();
    }
}
