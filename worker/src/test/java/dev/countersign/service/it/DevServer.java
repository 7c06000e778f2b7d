package dev.countersign.service.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Temporal CLI dev server with its own SQLite file and port, started and stopped through
 * scripts/temporal-dev-server.sh, so the suite runs the script exactly as an operator would.
 */
final class DevServer implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

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
        process = Scripts.trackedPid(dataDir.resolve("temporal.pid"), "the dev server");
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
        Scripts.run(ItSettings.devServerScript(), dataDir, SCRIPT_TIMEOUT, args);
    }
}
