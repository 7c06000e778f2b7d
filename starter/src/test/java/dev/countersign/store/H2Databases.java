package dev.countersign.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Fresh in-memory H2 databases for store tests, and a DataSource that counts the statements run. */
final class H2Databases {

    private H2Databases() {}

    /** A new database with Countersign's tables, as the worker's embedded default is at start-up. */
    static JdbcDataSource fresh() {
        return at("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The same in H2's PostgreSQL mode, a first check that the SQL stays portable. */
    static JdbcDataSource freshPostgresLike() {
        return at("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    private static JdbcDataSource at(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        CountersignSchema.migrate(dataSource);
        return dataSource;
    }

    /** Counts every statement prepared through it. */
    static final class CountingDataSource extends DelegatingDataSource {

        final AtomicInteger statements = new AtomicInteger();

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare")
                                || method.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    /**
     * Lets a rival write run once, just before the first statement starting with {@code sql} is
     * prepared: the rival wins a race that the store under test has already checked for.
     */
    static final class RacingDataSource extends DelegatingDataSource {

        private final String sql;
        private final AtomicInteger rivals = new AtomicInteger();
        private final Runnable rival;

        RacingDataSource(DataSource target, String sql, Runnable rival) {
            super(target);
            this.sql = sql;
            this.rival = rival;
        }

        boolean raced() {
            return rivals.get() > 0;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return watched(super.getConnection(), (method, args) -> {
                if (method.equals("prepareStatement")
                        && ((String) args[0]).startsWith(sql)
                        && rivals.getAndIncrement() == 0) {
                    rival.run();
                }
            });
        }
    }

    /** The connection, with {@code before} told each method's name and arguments before it runs. */
    private static Connection watched(Connection connection, BiConsumer<String, Object[]> before) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    before.accept(method.getName(), args);
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
