package dev.countersign.service.it;

import dev.countersign.service.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One Countersign service JVM ({@code java -jar countersign-worker.jar}) on a real Temporal server:
 * REST API on its own loopback port, the demo ledger in a shared H2 file, {noop} passwords so
 * requests do not pay for bcrypt. Its output goes to a log file beside the test's other files.
 */
final class WorkerProcess implements AutoCloseable {

    static final List<String> USERS = List.of("dave", "alice", "bob", "carol", "olga", "frank", "ada");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private volatile boolean killed;

    private WorkerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Launches the JVM and returns at once; {@link #awaitReady()} waits for it. */
    static WorkerProcess launch(String name, Path dir, String temporalAddress, int port, String ledgerUrl) {
        return launch(name, dir, temporalAddress, 0, port, ledgerUrl, Map.of());
    }

    /** The worker jar on an external server, with {@code settings} added to its environment. */
    static WorkerProcess launch(
            String name, Path dir, String temporalAddress, int port, String ledgerUrl, Map<String, String> settings) {
        return launch(name, dir, temporalAddress, 0, port, ledgerUrl, settings);
    }

    /** A service on its own embedded Temporal server (the demo's default) on {@code temporalPort}. */
    static WorkerProcess launchEmbedded(String name, Path dir, int temporalPort, int port, String ledgerUrl) {
        return launch(name, dir, null, temporalPort, port, ledgerUrl, Map.of());
    }

    private static WorkerProcess launch(
            String name,
            Path dir,
            String temporalAddress,
            int embeddedPort,
            int port,
            String ledgerUrl,
            Map<String, String> settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ItSettings.workerJvmOptions());
        command.add("-jar");
        command.add(ItSettings.workerJar().toString());
        for (String user : USERS) {
            command.add("--countersign.security.users." + user + ".password={noop}" + Api.PASSWORD);
        }
        Path log = dir.resolve("worker-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // No OPENAI_* either: the jar as shipped, with no model configured, runs the demo and creates no model client.
        env.keySet()
                .removeIf(key ->
                        key.startsWith("COUNTERSIGN_") || key.startsWith("TEMPORAL_") || key.startsWith("OPENAI_"));
        if (temporalAddress == null) {
            env.put("COUNTERSIGN_EMBEDDED_TEMPORAL_PORT", String.valueOf(embeddedPort));
        } else {
            env.put("TEMPORAL_ADDRESS", temporalAddress);
        }
        env.put("TEMPORAL_NAMESPACE", "default");
        env.put("PORT", String.valueOf(port));
        env.put("COUNTERSIGN_BIND_ADDRESS", "127.0.0.1");
        env.put("COUNTERSIGN_DEMO_DB", ledgerUrl);
        // The scenarios wait for every task to complete; a sampled refund would wait for its review.
        env.put("COUNTERSIGN_DEMO_REVIEW_SAMPLE", "0");
        env.putAll(settings);
        try {
            Process process = builder.start();
            ManagedProcesses.track(process.toHandle());
            // For .ci/run's clean-up, should this JVM die before its shutdown hook runs.
            Files.writeString(dir.resolve("worker-" + name + ".pid"), process.pid() + "\n");
            return new WorkerProcess(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start worker " + name, e);
        }
    }

    /** Waits until its health endpoint answers 200; fails at once, with its log, if it exits. */
    WorkerProcess awaitReady() {
        try {
            Eventually.waiting("worker " + name + " is healthy", START_TIMEOUT, Deadlines.POLL)
                    .until(() -> {
                        if (healthy()) {
                            return true;
                        }
                        if (!process.isAlive()) {
                            throw new IllegalStateException("worker " + name + " exited with " + process.exitValue()
                                    + " during start-up:\n" + logTail());
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    "worker " + name + " was not healthy within " + START_TIMEOUT + ":\n" + logTail(), e);
        }
        return this;
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** The identity its Temporal worker writes into histories: pid@host. */
    String identityPrefix() {
        return process.pid() + "@";
    }

    /** SIGKILL: no shutdown hook, no graceful worker shutdown, in-flight work is simply gone. */
    void kill() {
        killed = true;
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as an orchestrator stops a service; answers how long it took to exit, empty if it did not within {@code bound}. */
    java.util.Optional<Duration> terminate(Duration bound) {
        long sent = System.nanoTime();
        process.destroy();
        if (!awaitExit(bound)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofNanos(System.nanoTime() - sent));
    }

    @Override
    public void close() {
        if (!process.isAlive() && !killed) {
            System.out.println("worker " + name + " had exited on its own with status " + process.exitValue()
                    + " (143: SIGTERM, 137: SIGKILL from outside the test)");
        }
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(20))) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(10));
            }
        }
        ManagedProcesses.untrack(process.toHandle());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                ManagedProcesses.untrack(process.toHandle());
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker " + name + " to exit", e);
        }
    }

    private boolean healthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker " + name, e);
        }
    }
}
