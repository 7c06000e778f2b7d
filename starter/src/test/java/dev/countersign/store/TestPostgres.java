package dev.countersign.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A database of its own for each test class on the JVM's {@link PostgresCluster}, with Countersign's
 * tables migrated and emptied before each test. Register it in a static field with
 * {@code @RegisterExtension}; without PostgreSQL's binaries the class is skipped, and says why.
 */
public final class TestPostgres implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private String database;
    private HikariDataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(
                PostgresCluster.unavailableBecause().isEmpty(),
                () -> PostgresCluster.unavailableBecause().orElseThrow());
        PostgresCluster cluster = PostgresCluster.get();
        database = "countersign_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (HikariDataSource admin = pool(cluster, "postgres", 1)) {
            JdbcClient.create(admin).sql("CREATE DATABASE " + database).update();
        }
        dataSource = pool(cluster, database, 10);
        CountersignSchema.migrate(dataSource);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> tables = jdbc.sql(
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()" + " AND tablename <> ?")
                .param(CountersignSchema.HISTORY_TABLE)
                .query(String.class)
                .list();
        if (!tables.isEmpty()) {
            jdbc.sql("TRUNCATE " + String.join(", ", tables)).update();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /**
     * The class's database: a pool of up to ten connections, Countersign's tables migrated. Not
     * closeable, so neither a parameterized test nor a Spring context closes it before the class ends.
     */
    public DataSource dataSource() {
        return new DelegatingDataSource(dataSource);
    }

    /** The JDBC URL of the class's database, for a Spring context's {@code spring.datasource.url}. */
    public String url() {
        return PostgresCluster.get().url(database);
    }

    public String username() {
        return PostgresCluster.get().username();
    }

    public String password() {
        return PostgresCluster.get().password();
    }

    private static HikariDataSource pool(PostgresCluster cluster, String database, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(cluster.url(database));
        pool.setUsername(cluster.username());
        pool.setPassword(cluster.password());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(0);
        return pool;
    }
}
