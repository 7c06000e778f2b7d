package dev.countersign.service.testing;

import dev.countersign.store.CountersignSchema;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/** A fresh in-memory H2 database with Countersign's tables, for test slices without the auto-configuration. */
@Configuration(proxyBeanMethods = false)
public class TestDatabase {

    @Bean
    DataSource dataSource() {
        return new EmbeddedDatabaseBuilder()
                .setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .build();
    }

    @Bean
    CountersignSchema countersignSchema(DataSource dataSource) {
        return CountersignSchema.migrate(dataSource);
    }
}
