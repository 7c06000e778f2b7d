package dev.countersign.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PostgreSQL and the real Temporal server on it, started by scripts/temporal-server.sh as an operator
 * does, with activity eager execution allowed in its dynamic configuration (so the bench can measure
 * workers with it on and off in one run) and visibility calls allowed at 1,000 a second (the inbox's
 * first page is read back to back), plus the databases of the service and of LangGraph.
 */
final class TemporalOnPostgres implements AutoCloseable {

    /** The key in go.temporal.io/server v1.32.1 common/dynamicconfig/constants.go. */
    static final String EAGER_ACTIVITIES = "system.enableActivityEagerExecution";

    /** Visibility calls a namespace may make per second on one frontend; the server's default is 10. */
    static final String VISIBILITY_RPS = "frontend.namespaceRPS.visibility";

    static final int VISIBILITY_RPS_VALUE = 1000;

    private static final Duration START = Duration.ofSeconds(240);

    private final Path scripts;
    private final Path dataDir;
    private final int port;
    private final int pgPort;

    private TemporalOnPostgres(Path scripts, Path dataDir, int port, int pgPort) {
        this.scripts = scripts;
        this.dataDir = dataDir;
        this.port = port;
        this.pgPort = pgPort;
    }

    static TemporalOnPostgres start(Path scripts, Path dataDir) {
        TemporalOnPostgres temporal = new TemporalOnPostgres(scripts, dataDir, Ports.block(9), Ports.next());
        try {
            Files.createDirectories(dataDir);
            // Written before the server starts, so it holds from its first second (it is re-read every 10 s).
            Files.writeString(
                    dataDir.resolve("dynamicconfig.yaml"),
                    "# Written by the bench: workers that ask for eager activities get them, and the inbox's\n"
                            + "# pages, read back to back, measure Countersign rather than the visibility rate limit.\n"
                            + EAGER_ACTIVITIES + ":\n  - value: true\n"
                            + VISIBILITY_RPS + ":\n  - value: " + VISIBILITY_RPS_VALUE + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Shell.run(
                dataDir.resolveSibling("temporal-start.out"),
                START,
                "bash",
                scripts.resolve("temporal-server.sh").toString(),
                "start",
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(temporal.port),
                "--pg-port",
                String.valueOf(temporal.pgPort),
                "--timeout",
                String.valueOf(START.toSeconds() - 30));
        return temporal;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    int pgPort() {
        return pgPort;
    }

    /** Creates a login role and a database it owns; answers the role's password. */
    String createDatabase(String name) {
        String password = HexFormat.of().formatHex(randomBytes());
        psql(
                "create-" + name,
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'",
                "-c",
                "CREATE DATABASE " + name + " OWNER " + name);
        return password;
    }

    /** One value from psql, as the cluster's superuser. */
    String query(String sql) {
        return psql("query", "-At", "-c", sql).trim();
    }

    private String psql(String what, String... args) {
        String[] command = new String[6 + args.length];
        command[0] = "bash";
        command[1] = scripts.resolve("postgres-cluster.sh").toString();
        command[2] = "psql";
        command[3] = "--data-dir";
        command[4] = dataDir.resolve("postgres").toString();
        command[5] = "--no-psqlrc";
        System.arraycopy(args, 0, command, 6, args.length);
        return Shell.run(dataDir.resolveSibling("psql-" + what + ".out"), Duration.ofSeconds(60), command);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        Shell.run(
                dataDir.resolveSibling("temporal-stop.out"),
                Duration.ofSeconds(90),
                "bash",
                scripts.resolve("temporal-server.sh").toString(),
                "stop",
                "--data-dir",
                dataDir.toString(),
                "--timeout",
                "20");
    }
}
