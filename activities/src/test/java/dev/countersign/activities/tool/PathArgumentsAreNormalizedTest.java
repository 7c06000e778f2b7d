package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths reach the policy as the absolute, real paths the call will act on, so that "inside the
 * sandbox" cannot be dodged with {@code ..}, a symbolic link or a relative path.
 */
class PathArgumentsAreNormalizedTest {

    @TempDir
    Path root;

    private Path sandbox;
    private Path outside;
    private PathArguments paths;

    @BeforeEach
    void folders() throws IOException {
        sandbox = Files.createDirectories(root.resolve("sandbox")).toRealPath();
        outside = Files.createDirectories(root.resolve("secrets")).toRealPath();
        Files.writeString(outside.resolve("keys.txt"), "secret");
        paths = new PathArguments(sandbox, Set.of("path", "paths", "source", "destination"));
    }

    @Test
    void aRelativePathIsReadFromTheSandbox() {
        assertThat(path("notes/today.txt"))
                .isEqualTo(sandbox.resolve("notes/today.txt").toString());
    }

    @Test
    void dotDotIsResolvedSoAnEscapeShowsAsTheFolderItReaches() {
        assertThat(path("../secrets/keys.txt"))
                .isEqualTo(outside.resolve("keys.txt").toString());
        assertThat(path(sandbox + "/a/../../secrets/keys.txt"))
                .isEqualTo(outside.resolve("keys.txt").toString());
    }

    @Test
    void aSymbolicLinkIsFollowedToWhereItLeads() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("innocent"), outside);

        assertThat(path("innocent/keys.txt"))
                .isEqualTo(outside.resolve("keys.txt").toString());
        assertThat(path("innocent/new-file.txt"))
                .isEqualTo(outside.resolve("new-file.txt").toString());
    }

    @Test
    void aLinkToAFileNotYetWrittenIsFollowedToo() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("later.txt"), outside.resolve("planted.txt"));

        assertThat(path("later.txt")).isEqualTo(outside.resolve("planted.txt").toString());
    }

    @Test
    void aCycleOfLinksIsRefusedNotFollowedForever() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("a"), sandbox.resolve("b"));
        Files.createSymbolicLink(sandbox.resolve("b"), sandbox.resolve("a"));

        assertThatThrownBy(() -> path("a/x.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbolic links");
    }

    @Test
    void theHomeFolderIsReadAsTheFilesystemServerReadsIt() {
        assertThat(path("~/notes.txt"))
                .startsWith(Path.of(System.getProperty("user.home")).toString());
    }

    @Test
    void listsAreNormalizedAndOtherArgumentsLeftAsTheyAre() {
        Map<String, Object> normalized = paths.normalized(
                Map.of("paths", List.of("a.txt", "../secrets/keys.txt"), "content", "../x", "head", 3));

        assertThat(normalized.get("paths"))
                .isEqualTo(List.of(
                        sandbox.resolve("a.txt").toString(),
                        outside.resolve("keys.txt").toString()));
        assertThat(normalized.get("content")).isEqualTo("../x");
        assertThat(normalized.get("head")).isEqualTo(3);
    }

    @Test
    void anEmptyOrWindowsPathIsRefusedSayingWhich() {
        assertThatThrownBy(() -> path(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'path' is empty; give a path");
        assertThatThrownBy(() -> path("C:\\Users\\me"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Windows path");
    }

    private String path(String raw) {
        return (String) paths.normalized(Map.of("path", raw)).get("path");
    }
}
