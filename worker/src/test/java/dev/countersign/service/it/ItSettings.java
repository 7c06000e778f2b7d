package dev.countersign.service.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the integration suite finds what it runs: the worker jar, the dev server script, and a
 * clean directory per test class under target/it. Failsafe passes them as system properties; the
 * fallbacks let a test run from an IDE in the worker module.
 */
final class ItSettings {

    /** C1 only and the serial collector: a worker starts in about 13 s instead of 20 s on 2 cores. */
    private static final String DEFAULT_WORKER_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m";

    private ItSettings() {}

    static Path workerJar() {
        String configured = System.getProperty("it.worker.jar");
        if (configured != null) {
            return existing(Path.of(configured), "it.worker.jar");
        }
        try (Stream<Path> files = Files.list(moduleDir().resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("countersign-worker-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-tests.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no worker jar under target/: run ./mvnw -q -B install -DskipTests first"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list target/ for the worker jar", e);
        }
    }

    static Path devServerScript() {
        String configured = System.getProperty("it.dev-server-script");
        Path script = configured != null
                ? Path.of(configured)
                : moduleDir().resolve("../scripts/temporal-dev-server.sh").normalize();
        return existing(script, "it.dev-server-script");
    }

    static Path temporalServerScript() {
        String configured = System.getProperty("it.temporal-server-script");
        Path script = configured != null
                ? Path.of(configured)
                : moduleDir().resolve("../scripts/temporal-server.sh").normalize();
        return existing(script, "it.temporal-server-script");
    }

    static List<String> workerJvmOptions() {
        String options = System.getProperty("it.worker.jvm-options", DEFAULT_WORKER_JVM_OPTIONS);
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    /** An empty directory for one test class; what an earlier run left there is removed first. */
    static Path freshWorkDir(Class<?> testClass) {
        Path root = Path.of(System.getProperty(
                "it.work-dir", moduleDir().resolve("target/it").toString()));
        Path dir = root.resolve(testClass.getSimpleName()).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    private static Path existing(Path path, String property) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist (system property " + property + ")");
        }
        return path.toAbsolutePath();
    }
}
