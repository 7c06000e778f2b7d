package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoSchemaTest {

    private final DemoDatabase database = new DemoDatabase();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void creatingTheSchemaAgainKeepsTheDataAndSeedsNoOrderTwice() {
        new IssueRefundTool(database.schema())
                .execute(DemoDatabase.invocation(
                        "issue_refund", "task-1", "a1", Map.of("orderId", "A-1", "amount", 1, "currency", "USD")));

        DemoSchema.createIn(database.dataSource());

        assertThat(database.count("orders")).isEqualTo(5);
        assertThat(database.count("refunds")).isEqualTo(1);
    }
}
