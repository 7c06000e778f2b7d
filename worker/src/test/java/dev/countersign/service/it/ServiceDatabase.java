package dev.countersign.service.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The service's own database (tokens, claims, sessions, conversations, the demo ledger) on the
 * PostgreSQL cluster that scripts/temporal-server.sh made for Temporal: a database of its own, owned
 * by a login role of its own that is no superuser, so the service cannot touch Temporal's databases.
 * One cluster, as docs/operations.md runs it on one machine, and one process fewer on a small box.
 */
final class ServiceDatabase {

    static final String NAME = "countersign";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final String password;

    private ServiceDatabase(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /** Creates the role and the database in the running cluster whose folder is {@code clusterDir}. */
    static ServiceDatabase createIn(Path clusterDir) {
        String password = HexFormat.of().formatHex(randomBytes());
        Scripts.run(
                postgresClusterScript(),
                clusterDir,
                SCRIPT_TIMEOUT,
                "psql",
                "--data-dir",
                clusterDir.toString(),
                "--no-psqlrc",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                "CREATE ROLE " + NAME + " LOGIN PASSWORD '" + password + "'",
                "-c",
                "CREATE DATABASE " + NAME + " OWNER " + NAME);
        String address = Scripts.read(clusterDir.resolve("postgres.info"))
                .lines()
                .filter(line -> line.startsWith("address: "))
                .map(line -> line.substring("address: ".length()).trim())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no address in " + clusterDir.resolve("postgres.info")));
        return new ServiceDatabase("jdbc:postgresql://" + address + "/" + NAME, password);
    }

    String url() {
        return url;
    }

    /** What a worker needs in its environment to keep its data here. */
    Map<String, String> workerSettings() {
        return Map.of(
                "SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", NAME,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    /** Rows of the demo's refunds table for one task: one per refund the tool made. */
    int refundRows(String taskId) {
        return count("SELECT COUNT(*) FROM refunds WHERE task_id = ?", taskId);
    }

    private int count(String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(url, NAME, password);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the service's database " + url, e);
        }
    }

    private static Path postgresClusterScript() {
        return ItSettings.temporalServerScript().resolveSibling("postgres-cluster.sh");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
