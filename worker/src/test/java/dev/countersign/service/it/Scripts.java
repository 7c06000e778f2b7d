package dev.countersign.service.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's shell scripts as an operator would, their output in a file beside the
 * server they manage ({@code script-<subcommand>.out}); a failure carries that output.
 */
final class Scripts {

    private Scripts() {}

    /** Runs {@code script} with {@code args}; returns its exit status when {@code allowed} holds it. */
    static int run(Path script, Path dir, Duration timeout, List<Integer> allowed, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("script-" + args[0] + ".out");
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (!allowed.contains(process.exitValue())) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + read(output));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Runs {@code script} with {@code args}; fails unless it exits with 0. */
    static void run(Path script, Path dir, Duration timeout, String... args) {
        run(script, dir, timeout, List.of(0), args);
    }

    /** The pid on the first line of {@code pidFile}, as a handle the suite stops on exit. */
    static ProcessHandle trackedPid(Path pidFile, String what) {
        long pid = Long.parseLong(read(pidFile).lines().findFirst().orElse("").trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(what + "'s pid " + pid + " is not running"));
        ManagedProcesses.track(process);
        return process;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
