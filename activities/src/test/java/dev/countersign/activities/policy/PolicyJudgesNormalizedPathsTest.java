package dev.countersign.activities.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.PathArguments;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.tool.ToolInvocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy judges the paths a file tool will act on, not the words the agent wrote: a write that
 * leaves the sandbox through {@code ..} or a symbolic link is denied, and a verdict carries the
 * normalized arguments (and their digest), which the call goes on with.
 */
class PolicyJudgesNormalizedPathsTest {

    @TempDir
    Path root;

    private Path sandbox;
    private PolicyActivitiesImpl activities;

    @BeforeEach
    void sandboxedWrites() throws IOException {
        sandbox = Files.createDirectories(root.resolve("sandbox")).toRealPath();
        Files.createDirectories(root.resolve("secrets"));
        ToolRegistry registry = new ToolRegistry(List.of(new WriteFile(new PathArguments(sandbox, Set.of("path")))));
        String yaml = """
                version: 1
                default: deny
                rules:
                  - name: outside-the-sandbox
                    tool: write_file
                    when: "!args.path.startsWith('%s/')"
                    outcome: deny
                    reason: only files in the sandbox may be written
                  - name: writes
                    tool: write_file
                    outcome: approve
                    tiers:
                      - groups: [editors]
                        approvals: 1
                """.formatted(sandbox);
        Policy policy = new PolicyLoader(registry.names()).load("files.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        activities = new PolicyActivitiesImpl(PolicySource.of(policy), registry);
    }

    @Test
    void aRelativeWriteInsideWaitsForAReviewerWithItsAbsolutePath() {
        PolicyVerdict verdict = write("notes/today.txt");

        String absolute = sandbox.resolve("notes/today.txt").toString();
        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.normalizedArgs()).isEqualTo(Map.of("path", absolute, "content", "hello"));
        assertThat(verdict.argsDigest())
                .isEqualTo(ArgsDigest.of("write_file", Map.of("path", absolute, "content", "hello")));
    }

    @Test
    void dotDotOutOfTheSandboxIsDenied() throws IOException {
        PolicyVerdict verdict = write("notes/../../secrets/keys.txt");

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("outside-the-sandbox");
        assertThat(verdict.normalizedArgs().get("path"))
                .isEqualTo(
                        root.resolve("secrets").toRealPath().resolve("keys.txt").toString());
    }

    @Test
    void aSymbolicLinkOutOfTheSandboxIsDenied() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("shortcut"), root.resolve("secrets"));

        assertThat(write("shortcut/keys.txt").outcome()).isEqualTo(Outcome.DENY);
        assertThat(write(sandbox + "/shortcut/keys.txt").rule()).isEqualTo("outside-the-sandbox");
    }

    @Test
    void aSiblingFolderWhoseNameStartsLikeTheSandboxIsDenied() throws IOException {
        Files.createDirectories(root.resolve("sandbox-evil"));

        assertThat(write("../sandbox-evil/x.txt").outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void aPathAlreadyNormalizedIsJudgedAsProposed() {
        PolicyVerdict verdict = write(sandbox.resolve("a.txt").toString());

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.normalizedArgs()).isNull();
    }

    @Test
    void aPathThatCannotBeReadIsDeniedAsInvalidArguments() {
        PolicyVerdict verdict = write("  ");

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.argumentsInvalid()).isTrue();
        assertThat(verdict.reason()).isEqualTo("invalid arguments: 'path' is empty; give a path");
    }

    private PolicyVerdict write(String path) {
        return activities.evaluatePolicy(new PolicyRequest(
                "task-1",
                "files",
                "alice",
                Map.of(),
                new ToolCall("write_file", Map.of("path", path, "content", "hello"), "", 0.9, List.of())));
    }

    private record WriteFile(PathArguments paths) implements Tool {

        @Override
        public String name() {
            return "write_file";
        }

        @Override
        public ArgumentSchema schema() {
            return ArgumentSchema.of(
                    Map.of("path", ArgumentSpec.string("where"), "content", ArgumentSpec.string("what")),
                    "path",
                    "content");
        }

        @Override
        public Map<String, Object> normalized(Map<String, Object> args) {
            return paths.normalized(args);
        }

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            throw new UnsupportedOperationException("policy tests never run tools");
        }
    }
}
