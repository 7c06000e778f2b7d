package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.AtOnce;
import dev.countersign.store.TestPostgres;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replicas starting at once on one PostgreSQL database each create the demo's tables and seed
 * orders: every one of them starts, and the orders are seeded once.
 */
class DemoSchemaOnPostgresTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @RepeatedTest(3)
    void replicasCreatingTheDemoTablesAtOnceAllStartAndSeedEachOrderOnce() throws Exception {
        JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
        jdbc.sql("DROP TABLE IF EXISTS orders, refunds, email_outbox, countersign_demo_schema_history")
                .update();

        AtOnce.run(4, replica -> () -> DemoSchema.createIn(postgres.dataSource()));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM orders").query(Long.class).single())
                .isEqualTo(5);
    }
}
