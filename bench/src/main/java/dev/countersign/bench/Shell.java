package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's scripts and other commands, their output kept in a file of the run's folder. */
final class Shell {

    private Shell() {}

    /** Runs the command; fails with its output unless it exits with 0. Answers its output. */
    static String run(Path log, Duration timeout, Map<String, String> env, String... command) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                List<String> lines = output.lines().toList();
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + "; its output is in " + log + ", ending:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    static String run(Path log, Duration timeout, String... command) {
        return run(log, timeout, Map.of(), command);
    }

    /** The first line of a command's output, or {@code fallback} when it cannot run. */
    static String firstLine(String fallback, String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            return output.isEmpty() ? fallback : output.lines().findFirst().orElse(fallback);
        } catch (IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}
