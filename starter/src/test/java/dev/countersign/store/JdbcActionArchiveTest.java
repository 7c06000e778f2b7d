package dev.countersign.store;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.activities.store.ActionArchiveContract;
import java.time.Clock;
import javax.sql.DataSource;

class JdbcActionArchiveTest extends ActionArchiveContract {

    @Override
    protected ActionArchive newArchive() {
        return new JdbcTaskStore(database(), Clock.systemUTC());
    }

    /** A fresh database with Countersign's tables; H2 here, PostgreSQL in the subclass. */
    protected DataSource database() {
        return H2Databases.fresh();
    }
}
