package dev.countersign.service.security.token;

import dev.countersign.store.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API tokens on PostgreSQL: the same behaviour as on the embedded H2. */
class JdbcApiTokensOnPostgresTest extends JdbcApiTokensTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
