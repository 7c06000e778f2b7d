package dev.countersign.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Countersign's tables in the application's database, migrated by Flyway from
 * {@code classpath:db/countersign} with a history table of their own, so they sit beside the
 * application's tables and its own Flyway migrations without touching them. Every replica migrates
 * at start-up; Flyway's lock lets one do the work while the others wait and find it done.
 */
public final class CountersignSchema {

    /** Where the migrations are, in the starter's jar. */
    public static final String LOCATION = "classpath:db/countersign";
    /** Flyway's history of Countersign's migrations; the application's own stays {@code flyway_schema_history}. */
    public static final String HISTORY_TABLE = "countersign_schema_history";

    private static final Logger log = LoggerFactory.getLogger(CountersignSchema.class);

    private final DataSource dataSource;
    private final String version;

    private CountersignSchema(DataSource dataSource, String version) {
        this.dataSource = dataSource;
        this.version = version;
    }

    /** Brings the database's Countersign tables to this version's schema, and says what it did. */
    public static CountersignSchema migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(CountersignSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // A database that already holds the application's tables (and no history of ours) is
                // not empty to Flyway; the baseline migration is written to run on it anyway.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null
                ? "empty"
                : flyway.info().current().getVersion().getVersion();
        if (result.migrationsExecuted > 0) {
            log.info("Countersign's tables migrated to version {} ({} migrations)", version, result.migrationsExecuted);
        }
        return new CountersignSchema(dataSource, version);
    }

    /** The database the tables are in. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The schema version the database is at, as Flyway names it. */
    public String version() {
        return version;
    }
}
