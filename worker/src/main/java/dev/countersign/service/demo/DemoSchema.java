package dev.countersign.service.demo;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's tables in a DataSource, migrated by Flyway from {@code classpath:db/demo} with a history
 * table of their own ({@code countersign_demo_schema_history}) and seeded with a few orders when this
 * is made. Flyway's lock lets one replica of several starting at once create them while the others
 * wait. The tools and the ledger take their JdbcClient from here, so none of them can run before the
 * tables exist.
 */
public final class DemoSchema {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private DemoSchema(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Creates the tables and the seed orders that are missing; safe to repeat. A database that holds
     * them from before Flyway (they were created if missing) migrates too: the scripts are written to
     * run on it.
     */
    public static DemoSchema createIn(DataSource dataSource) {
        Flyway.configure(DemoSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/demo")
                .table("countersign_demo_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
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
