package dev.countersign.store;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Values come back exactly from PostgreSQL as well: text, JSON and instants. */
class JdbcStoreRoundTripsValuesExactlyOnPostgresTest extends JdbcStoreRoundTripsValuesExactlyTest {

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    /** Hides the H2 databases of the class above: the same tests run on this class's PostgreSQL database. */
    static List<DataSource> databases() {
        return List.of(postgres.dataSource());
    }
}
