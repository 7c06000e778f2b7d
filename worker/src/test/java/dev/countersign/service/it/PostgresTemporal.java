package dev.countersign.service.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Temporal server on a PostgreSQL cluster of its own, started and stopped through
 * scripts/temporal-server.sh, as an operator would run it: the cluster, the databases, the server
 * and its log all live in one folder.
 */
final class PostgresTemporal implements AutoCloseable {

    /** The server's gRPC services take the frontend's port and the eight after it. */
    private static final int SERVER_PORTS = 9;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final List<ProcessHandle> processes = new ArrayList<>();

    private PostgresTemporal(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Whether `scripts/temporal-server.sh install` has built the server on this machine. */
    static boolean installed() {
        Path dir = ItSettings.freshWorkDir(PostgresTemporal.class);
        return Scripts.run(ItSettings.temporalServerScript(), dir, Duration.ofSeconds(30), List.of(0, 1), "installed")
                == 0;
    }

    /** Starts PostgreSQL and the server in {@code dataDir}; returns when the namespace answers. */
    static PostgresTemporal startIn(Path dataDir) {
        PostgresTemporal server = new PostgresTemporal(dataDir, FreePorts.block(SERVER_PORTS));
        try {
            server.start(FreePorts.next());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    private void start(int postgresPort) {
        Scripts.run(
                ItSettings.temporalServerScript(),
                dataDir,
                START_TIMEOUT,
                "start",
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(port),
                "--pg-port",
                String.valueOf(postgresPort),
                "--timeout",
                String.valueOf(START_TIMEOUT.toSeconds() - 30));
        processes.add(Scripts.trackedPid(dataDir.resolve("postgres/cluster/postmaster.pid"), "PostgreSQL"));
        processes.add(Scripts.trackedPid(dataDir.resolve("temporal-server.pid"), "the Temporal server"));
    }

    /** Stops the server and then PostgreSQL through the script; anything still alive is killed. */
    @Override
    public void close() {
        try {
            Scripts.run(
                    ItSettings.temporalServerScript(),
                    dataDir,
                    STOP_TIMEOUT,
                    "stop",
                    "--data-dir",
                    dataDir.toString(),
                    "--timeout",
                    "20");
        } finally {
            for (ProcessHandle process : processes) {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
                ManagedProcesses.untrack(process);
            }
        }
    }
}
