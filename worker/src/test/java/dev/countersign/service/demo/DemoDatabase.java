package dev.countersign.service.demo;

import dev.countersign.tool.ToolInvocation;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with the demo's tables, one per test. */
final class DemoDatabase implements AutoCloseable {

    private final String url = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    private final DemoSchema schema = DemoSchema.createIn(dataSource);

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * The same database through another DataSource, whose transactions are its own even on a thread
     * that has one open on this; a row lock held elsewhere fails its statement after {@code lockTimeoutMillis}.
     */
    DemoSchema secondClient(int lockTimeoutMillis) {
        return DemoSchema.createIn(new DriverManagerDataSource(url + ";LOCK_TIMEOUT=" + lockTimeoutMillis, "sa", ""));
    }

    DemoSchema schema() {
        return schema;
    }

    JdbcClient jdbc() {
        return schema.jdbc();
    }

    int count(String table) {
        return jdbc().sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    static ToolInvocation invocation(String tool, String taskId, String actionId, Map<String, Object> args) {
        return new ToolInvocation(taskId, actionId, tool, args, null, ToolInvocation.idempotencyKey(taskId, actionId));
    }

    @Override
    public void close() {
        jdbc().sql("SHUTDOWN").update();
    }
}
