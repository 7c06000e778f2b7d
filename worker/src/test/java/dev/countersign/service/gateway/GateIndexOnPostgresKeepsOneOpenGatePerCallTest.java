package dev.countersign.service.gateway;

import dev.countersign.store.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gate index on PostgreSQL, where replicas really race on the unique open key. */
class GateIndexOnPostgresKeepsOneOpenGatePerCallTest extends GateIndexKeepsOneOpenGatePerCallTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
