package dev.countersign.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster lease on PostgreSQL, where concurrent replicas really race on its row. */
class JdbcClusterLeaseOnPostgresTest extends JdbcClusterLeaseTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
