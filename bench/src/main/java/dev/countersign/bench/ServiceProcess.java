package dev.countersign.bench;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Countersign service as a user runs it: the shipped worker jar in a JVM of its own, on the
 * bench's Temporal server, its data in a PostgreSQL database of its own, with the bench's policy,
 * agents file, users and model endpoint. Its output goes to worker.log in the run's folder.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> jvmOptions;

    private ServiceProcess(Process process, int port, Path log, List<String> jvmOptions) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.jvmOptions = jvmOptions;
    }

    /** Launches the jar and waits until its health endpoint answers. */
    static ServiceProcess start(
            Path jar, Path dir, List<String> jvmOptions, Map<String, String> env, List<String> args) {
        int port = Ports.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        Path log = dir.resolve("worker.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment
                .keySet()
                .removeIf(key -> key.startsWith("COUNTERSIGN_")
                        || key.startsWith("TEMPORAL_")
                        || key.startsWith("OPENAI_")
                        || key.startsWith("SPRING_"));
        environment.putAll(env);
        environment.put("PORT", String.valueOf(port));
        environment.put("COUNTERSIGN_BIND_ADDRESS", "127.0.0.1");
        try {
            Files.createDirectories(dir);
            ServiceProcess service = new ServiceProcess(builder.start(), port, log, List.copyOf(jvmOptions));
            Runtime.getRuntime().addShutdownHook(new Thread(service.process::destroyForcibly));
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the worker jar", e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Heap in use after a full GC, from {@code jcmd <pid> GC.run} and {@code GC.heap_info}. */
    long heapAfterFullGc(Path dir) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Shell.run(dir.resolve("jcmd-gc.out"), Duration.ofSeconds(60), jcmd.toString(), String.valueOf(pid()), "GC.run");
        String info = Shell.run(
                dir.resolve("jcmd-heap.out"),
                Duration.ofSeconds(60),
                jcmd.toString(),
                String.valueOf(pid()),
                "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in jcmd's answer:\n" + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Dumps the JVM's flight recording, when one was started, to {@code file}. */
    void dumpFlightRecording(Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Shell.run(
                file.resolveSibling("jcmd-jfr.out"),
                Duration.ofSeconds(120),
                jcmd.toString(),
                String.valueOf(pid()),
                "JFR.dump",
                "filename=" + file.toAbsolutePath());
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the worker exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(500);
        }
        throw new IllegalStateException("the worker was not healthy within " + START + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
