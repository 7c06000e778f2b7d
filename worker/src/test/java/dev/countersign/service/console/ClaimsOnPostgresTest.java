package dev.countersign.service.console;

import dev.countersign.store.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Claims on PostgreSQL: the same rules, and one winner among replicas claiming at once. */
class ClaimsOnPostgresTest extends ClaimsExpireAndStayWithTheirReviewerTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected DataSource database() {
        return postgres.dataSource();
    }
}
