package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The countersign CLI's wall time from the process start to its exit, as a user meets it. */
final class CliStartup {

    void run(Path repo, Path dir, String server, String token, int runs, Report report) {
        Path jar = repo.resolve("cli/target/countersign-cli.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the CLI first");
        }
        Path config = config(dir, server, token);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> version = new ArrayList<>();
        List<Double> inbox = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            version.add(seconds(dir, java, "-jar", jar.toString(), "--version"));
            inbox.add(seconds(
                    dir, java, "-jar", jar.toString(), "inbox", "--config", config.toString(), "--output", "json"));
        }
        StringBuilder text = new StringBuilder("## The CLI's start-up\n\n");
        text.append("""
                Wall time of `java -jar cli/target/countersign-cli.jar` from the process start to its exit, %d runs
                each, alternating: `--version` (no server), and `inbox --output json` with a stored API token (one
                authenticated request, `GET /api/approvals`, with nothing pending). The JVM's defaults, no CDS archive.

                | command | p50 | max | runs |
                | --- | --- | --- | --- |
                | `countersign --version` | %s s | %s s | %d |
                | `countersign inbox` (token) | %s s | %s s | %d |
                """.formatted(
                runs,
                "%.2f".formatted(GateLatency.median(version)),
                "%.2f".formatted(version.stream().mapToDouble(d -> d).max().orElse(0)),
                runs,
                "%.2f".formatted(GateLatency.median(inbox)),
                "%.2f".formatted(inbox.stream().mapToDouble(d -> d).max().orElse(0)),
                runs));
        report.section(text.toString());
    }

    private static Path config(Path dir, String server, String token) {
        try {
            Path file = dir.resolve("cli-config.json");
            Files.writeString(file, ServiceApi.JSON.writeValueAsString(Map.of("server", server, "token", token)));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Path dir, String... command) {
        long start = System.nanoTime();
        Shell.run(dir.resolve("cli.out"), Duration.ofMinutes(2), command);
        return (System.nanoTime() - start) / 1e9;
    }
}
