package dev.countersign.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transcript store's contract on PostgreSQL. */
class JdbcTranscriptStoreOnPostgresTest extends JdbcTranscriptStoreTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
