package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LookupOrderToolTest {

    private final DemoDatabase database = new DemoDatabase();
    private final LookupOrderTool tool = new LookupOrderTool(database.jdbc());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aSeededOrderIsFoundWithItsCustomerTotalCurrencyAndStatus() {
        Map<String, Object> order = tool.execute(lookup("A-1"));

        assertThat(order)
                .containsEntry("orderId", "A-1")
                .containsEntry("found", true)
                .containsEntry("customer", "ana.silva@example.com")
                .containsEntry("currency", "USD")
                .containsEntry("status", "DELIVERED");
        assertThat((BigDecimal) order.get("total")).isEqualByComparingTo("250.00");
    }

    @Test
    void anUnknownOrderIsAnAnswerNotAFailure() {
        assertThat(tool.execute(lookup("Z-999")))
                .containsExactly(Map.entry("orderId", "Z-999"), Map.entry("found", false));
    }

    @Test
    void looksUpWithoutWritingAnything() {
        tool.execute(lookup("A-1"));

        assertThat(database.count("refunds") + database.count("email_outbox")).isZero();
        assertThat(tool.tags()).containsExactly("read_only");
    }

    private static dev.countersign.tool.ToolInvocation lookup(String orderId) {
        return DemoDatabase.invocation("lookup_order", "task-1", "a1", Map.of("orderId", orderId));
    }
}
