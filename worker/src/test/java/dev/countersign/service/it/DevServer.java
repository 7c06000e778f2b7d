package dev.countersign.service.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Temporal CLI dev server with its own SQLite file and port, started and stopped through
 * scripts/temporal-dev-server.sh, so the suite runs the script exactly as an operator would.
 */
final class DevServer implements AutoCloseable {

    private static final long SCRIPT_TIMEOUT_SECONDS = 120;

    private final Path dataDir;
    private final Path database;
    private final int port;
    private final List<String> dynamicConfig;
    private ProcessHandle process;

    private DevServer(Path dataDir, int port, List<String> dynamicConfig) {
        this.dataDir = dataDir;
        this.database = dataDir.resolve("temporal.db");
        this.port = port;
        this.dynamicConfig = List.copyOf(dynamicConfig);
    }

    /**
     * Starts a dev server whose database, pid file and log live in {@code dataDir}, with the server's
     * dynamic configuration changed by {@code dynamicConfig} ({@code KEY=JSON_VALUE} each).
     */
    static DevServer startIn(Path dataDir, String... dynamicConfig) {
        DevServer server = new DevServer(dataDir, FreePorts.next(), List.of(dynamicConfig));
        server.start();
        return server;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts it (again) on the same port and database file; returns when it answers. */
    void start() {
        List<String> args = new ArrayList<>(List.of(
                "start",
                "--data-dir",
                dataDir.toString(),
                "--db",
                database.toString(),
                "--port",
                String.valueOf(port),
                "--headless",
                "--timeout",
                "60"));
        dynamicConfig.forEach(setting -> args.addAll(List.of("--dynamic-config", setting)));
        script(args.toArray(String[]::new));
        long pid = Long.parseLong(read(dataDir.resolve("temporal.pid")).trim());
        process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("the dev server's pid " + pid + " is not running"));
        ManagedProcesses.track(process);
    }

    /** Stops it gracefully through the script; the database file stays. */
    void stop() {
        script("stop", "--data-dir", dataDir.toString(), "--timeout", "20");
        if (process != null) {
            ManagedProcesses.untrack(process);
            process = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private void script(String... args) {
        List<String> command =
                new ArrayList<>(List.of("bash", ItSettings.devServerScript().toString()));
        command.addAll(List.of(args));
        Path output = dataDir.resolve("script-" + args[0] + ".out");
        try {
            Files.createDirectories(dataDir);
            Process script = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!script.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                script.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s");
            }
            if (script.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + script.exitValue() + ":\n" + read(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
