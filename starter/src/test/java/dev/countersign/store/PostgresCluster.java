package dev.countersign.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One PostgreSQL cluster for the whole test JVM, started on first use by the project's {@code
 * scripts/postgres-cluster.sh} (initdb and pg_ctl, on a free loopback port, as the {@code postgres}
 * user when the tests run as root) in a folder under {@code target/}, and stopped and deleted when
 * the JVM exits. Without PostgreSQL's binaries it is unavailable and says why.
 */
public final class PostgresCluster {

    /** Debian's PostgreSQL 15, which CI installs; {@code POSTGRES_BIN} names another folder. */
    private static final Path DEBIAN_BIN = Path.of("/usr/lib/postgresql/15/bin");

    private static final String SUPERUSER = "countersign";
    private static PostgresCluster started;
    private static String unavailable;

    private final Path dataDir;
    private final int port;
    private final String password;

    private PostgresCluster(Path dataDir, int port, String password) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
    }

    /** Why the cluster cannot run here, or empty when it can. */
    public static synchronized Optional<String> unavailableBecause() {
        if (started == null && unavailable == null) {
            unavailable = findUnavailability();
        }
        return Optional.ofNullable(unavailable);
    }

    /** The JVM's cluster, started on the first call; fails when PostgreSQL is there but will not start. */
    public static synchronized PostgresCluster get() {
        if (started == null) {
            unavailableBecause().ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
            started = start();
        }
        return started;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    private static String findUnavailability() {
        Path bin = bin();
        if (!Files.isExecutable(bin.resolve("pg_ctl")) || !Files.isExecutable(bin.resolve("initdb"))) {
            return "PostgreSQL tests skipped: no initdb and pg_ctl in " + bin
                    + " (apt-get install postgresql-15, or set POSTGRES_BIN to their folder)";
        }
        if (script().isEmpty()) {
            return "PostgreSQL tests skipped: scripts/postgres-cluster.sh not found above " + workingDir();
        }
        return null;
    }

    private static Path bin() {
        String configured = System.getenv("POSTGRES_BIN");
        return configured == null || configured.isBlank() ? DEBIAN_BIN : Path.of(configured);
    }

    private static Optional<Path> script() {
        for (Path dir = workingDir(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/postgres-cluster.sh");
            if (Files.isRegularFile(script)) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }

    private static Path workingDir() {
        return Path.of("").toAbsolutePath();
    }

    private static PostgresCluster start() {
        try {
            Path target = Files.createDirectories(workingDir().resolve("target"));
            Path dataDir = Files.createTempDirectory(target, "postgres-");
            // As root the script runs PostgreSQL as the postgres user, which must reach the folder.
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port = freePort();
            run(
                    dataDir,
                    "start",
                    "--data-dir",
                    dataDir.toString(),
                    "--port",
                    String.valueOf(port),
                    "--user",
                    SUPERUSER,
                    "--timeout",
                    "60");
            PostgresCluster cluster = new PostgresCluster(
                    dataDir, port, Files.readString(dataDir.resolve("password")).strip());
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-cluster-stop"));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            run(dataDir, "stop", "--data-dir", dataDir.toString(), "--timeout", "20");
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL test cluster in " + dataDir + " not stopped cleanly: " + e.getMessage());
        }
    }

    private static void run(Path dataDir, String... arguments) throws IOException {
        Path script = script().orElseThrow();
        Path log = dataDir.resolve("script.log");
        ProcessBuilder builder =
                new ProcessBuilder(Stream.concat(Stream.of("bash", script.toString()), Stream.of(arguments))
                        .toList());
        builder.environment().put("POSTGRES_BIN", bin().toString());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("postgres-cluster.sh " + arguments[0] + " took over 120 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running postgres-cluster.sh", e);
        }
        if (process.exitValue() != 0) {
            List<String> output = Files.readAllLines(log);
            throw new IllegalStateException("postgres-cluster.sh " + arguments[0] + " failed: "
                    + String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
