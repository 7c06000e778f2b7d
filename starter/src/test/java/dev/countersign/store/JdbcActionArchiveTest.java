package dev.countersign.store;

import dev.countersign.activities.store.ActionArchive;
import dev.countersign.activities.store.ActionArchiveContract;
import java.time.Clock;

class JdbcActionArchiveTest extends ActionArchiveContract {

    @Override
    protected ActionArchive newArchive() {
        return new JdbcTaskStore(H2Databases.fresh(), Clock.systemUTC());
    }
}
