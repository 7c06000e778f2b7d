package dev.countersign.activities.tool.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whether a stdio server's command can be started, so that a misspelt command stops the start at
 * once rather than after the handshake's timeout.
 */
final class Executables {

    private Executables() {}

    /** A command with a slash is a path; one without is looked up on the PATH (the entry's env's, else ours). */
    static boolean exists(String command, Map<String, String> env) {
        if (command.contains("/") || command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        return path != null
                && Stream.of(path.split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
