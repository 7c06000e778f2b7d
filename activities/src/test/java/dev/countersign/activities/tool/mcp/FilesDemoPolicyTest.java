package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The files demo's policy (docs/examples/files-policy.yaml) over the reference filesystem server's
 * own tools: reads run on their own, writes and edits wait for one reviewer, moves for two, and
 * anything outside the sandbox is denied, also through {@code ..}, a symbolic link or a relative path.
 */
class FilesDemoPolicyTest {

    @TempDir
    Path root;

    private Path sandbox;
    private McpServers servers;
    private PolicyActivitiesImpl policy;

    @BeforeEach
    void filesAgent() throws IOException {
        sandbox = Files.createDirectories(root.resolve("sandbox")).toRealPath();
        Files.createDirectories(root.resolve("private"));
        Files.writeString(sandbox.resolve("notes.txt"), "first line\n");
        McpServerSpec files =
                ReferenceServers.filesystem(sandbox).withPaths(new PathArgumentsSpec(sandbox.toString(), null));
        servers = McpServers.open(Map.of("files", files), Set.of());
        ToolRegistry registry = new ToolRegistry(servers.tools());
        String text = Files.readString(Path.of("../docs/examples/files-policy.yaml"), StandardCharsets.UTF_8)
                .replace("${COUNTERSIGN_FILES_SANDBOX}", sandbox.toString());
        Policy loaded =
                new PolicyLoader(registry.names()).load("files-policy.yaml", text.getBytes(StandardCharsets.UTF_8));
        policy = new PolicyActivitiesImpl(PolicySource.of(loaded), registry);
    }

    @AfterEach
    void close() {
        if (servers != null) { // null when the reference servers are not installed and the test skipped
            servers.close();
        }
    }

    @Test
    void aReadRunsOnItsOwnWithItsPathMadeAbsolute() {
        PolicyVerdict verdict = judge("files_read_text_file", Map.of("path", "notes.txt"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.normalizedArgs())
                .containsEntry("path", sandbox.resolve("notes.txt").toString());
    }

    @Test
    void aWriteOrAnEditWaitsForOneReviewerAndAPreviewRunsOnItsOwn() {
        PolicyVerdict write = judge("files_write_file", Map.of("path", "plan.txt", "content", "step one"));
        PolicyVerdict edit = judge("files_edit_file", Map.of("path", "notes.txt", "edits", edits()));
        PolicyVerdict preview = judge("files_edit_file", Map.of("path", "notes.txt", "edits", edits(), "dryRun", true));

        assertThat(write.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(write.tiers())
                .singleElement()
                .satisfies(tier -> assertThat(tier.approvals()).isEqualTo(1));
        assertThat(edit.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(preview.outcome()).isEqualTo(Outcome.AUTO);
    }

    @Test
    void aMoveWaitsForTwoReviewers() {
        PolicyVerdict move = judge("files_move_file", Map.of("source", "notes.txt", "destination", "old/notes.txt"));

        assertThat(move.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(move.tiers())
                .singleElement()
                .satisfies(tier -> assertThat(tier.approvals()).isEqualTo(2));
    }

    @Test
    void everyWayOutOfTheSandboxIsDenied() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("shortcut"), root.resolve("private"));

        assertThat(List.of(
                        judge("files_read_text_file", Map.of("path", "../private/keys.txt")),
                        judge("files_read_text_file", Map.of("path", sandbox + "/sub/../../private/keys.txt")),
                        judge("files_write_file", Map.of("path", "shortcut/planted.txt", "content", "x")),
                        judge("files_read_text_file", Map.of("path", "/etc/hostname")),
                        judge("files_move_file", Map.of("source", "notes.txt", "destination", "../notes.txt")),
                        judge("files_read_multiple_files", Map.of("paths", List.of("notes.txt", "../private/a"))),
                        judge("files_read_text_file", Map.of("path", "~/.ssh/id_rsa"))))
                .allSatisfy(verdict -> {
                    assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
                    assertThat(verdict.rule()).isEqualTo("outside-the-sandbox");
                });
    }

    @Test
    void theSandboxFolderItselfMayBeListedButASiblingWithALikeNameMayNot() throws IOException {
        Files.createDirectories(root.resolve("sandbox-old"));

        assertThat(judge("files_list_directory", Map.of("path", ".")).outcome()).isEqualTo(Outcome.AUTO);
        assertThat(judge("files_list_directory", Map.of("path", "../sandbox-old"))
                        .outcome())
                .isEqualTo(Outcome.DENY);
    }

    private static List<Map<String, Object>> edits() {
        return List.of(Map.of("oldText", "first line", "newText", "first line, edited"));
    }

    private PolicyVerdict judge(String tool, Map<String, Object> args) {
        return policy.evaluatePolicy(
                new PolicyRequest("task-1", "files", "dave", Map.of(), new ToolCall(tool, args, "", 0.9, List.of())));
    }
}
