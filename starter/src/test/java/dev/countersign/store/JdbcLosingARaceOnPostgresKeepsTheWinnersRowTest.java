package dev.countersign.store;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On PostgreSQL too, a lost race is no error (PostgreSQL reports a duplicate key by SQL state only). */
class JdbcLosingARaceOnPostgresKeepsTheWinnersRowTest extends JdbcLosingARaceKeepsTheWinnersRowTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
