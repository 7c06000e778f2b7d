package dev.countersign.store;

import java.time.Clock;

class JdbcActionArchiveTest extends ActionArchiveContract {

    @Override
    ActionArchive newArchive() {
        return new JdbcTaskStore(H2Databases.fresh(), Clock.systemUTC());
    }
}
