package dev.countersign.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The action archive's contract on PostgreSQL. */
class JdbcActionArchiveOnPostgresTest extends JdbcActionArchiveTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
