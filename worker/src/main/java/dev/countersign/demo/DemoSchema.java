package dev.countersign.demo;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The demo's tables in a DataSource, created if missing and seeded with a few orders when this is
 * made (from {@code demo/schema.sql} and {@code demo/orders.sql}). The tools and the ledger take
 * their JdbcClient from here, so none of them can run before the tables exist.
 */
public final class DemoSchema {

    private final JdbcClient jdbc;

    private DemoSchema(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Creates the tables that are missing and the seed orders that are missing; safe to repeat. */
    public static DemoSchema createIn(DataSource dataSource) {
        new ResourceDatabasePopulator(
                        new ClassPathResource("demo/schema.sql"), new ClassPathResource("demo/orders.sql"))
                .execute(dataSource);
        return new DemoSchema(dataSource);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
