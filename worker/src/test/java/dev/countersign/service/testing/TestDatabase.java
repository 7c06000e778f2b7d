package dev.countersign.service.testing;

import dev.countersign.store.CountersignSchema;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * A fresh in-memory H2 database with Countersign's tables, for test slices without the
 * auto-configuration (import it). Deliberately not a {@code @Configuration}: the full application's
 * component scan, which reaches the test classes, must never replace the configured database with it.
 */
public class TestDatabase {

    /** A new in-memory H2 database, Countersign's tables migrated, for tests without a Spring context. */
    public static DataSource freshH2() {
        return CountersignSchema.migrate(emptyH2()).dataSource();
    }

    private static DataSource emptyH2() {
        return new EmbeddedDatabaseBuilder()
                .setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .build();
    }

    @Bean
    DataSource dataSource() {
        return emptyH2();
    }

    @Bean
    CountersignSchema countersignSchema(DataSource dataSource) {
        return CountersignSchema.migrate(dataSource);
    }
}
