package dev.countersign.service.security.throttle;

import dev.countersign.store.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The throttle on PostgreSQL: the same rules, and failures on replicas at once all count. */
class JdbcLoginThrottleOnPostgresTest extends JdbcLoginThrottleTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
