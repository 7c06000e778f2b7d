package dev.countersign.service.demo;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's tables in a DataSource, created if missing and seeded with a few orders when this is
 * made (from {@code demo/schema.sql} and {@code demo/orders.sql}). The tools and the ledger take
 * their JdbcClient from here, so none of them can run before the tables exist.
 */
public final class DemoSchema {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private DemoSchema(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
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

    /** Transactions on the same DataSource, which {@link #jdbc()} joins. */
    public TransactionTemplate transactions() {
        return transactions;
    }
}
