package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IssueRefundToolIdempotencyTest {

    private final DemoDatabase database = new DemoDatabase();
    private final IssueRefundTool tool = new IssueRefundTool(database.schema());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aRefundExecutedTwiceWithTheSameKeyIsWrittenOnceAndAnswersTheSame() {
        Map<String, Object> first = tool.execute(refund("task-1", "a1", 200));
        Map<String, Object> second = tool.execute(refund("task-1", "a1", 200));

        assertThat(second).isEqualTo(first);
        assertThat(first)
                .containsEntry("orderId", "A-1")
                .containsEntry("currency", "USD")
                .containsKey("refundId");
        assertThat((BigDecimal) first.get("amount")).isEqualByComparingTo("200");
        assertThat(database.count("refunds")).isEqualTo(1);
    }

    @Test
    void aRepeatedKeyAnswersWithTheFirstRowEvenIfTheArgumentsDiffer() {
        Map<String, Object> first = tool.execute(refund("task-1", "a1", 200));
        Map<String, Object> second = tool.execute(refund("task-1", "a1", 10));

        assertThat(second).isEqualTo(first);
        assertThat(database.count("refunds")).isEqualTo(1);
    }

    @Test
    void differentKeysWriteTwoRefunds() {
        Map<String, Object> first = tool.execute(refund("task-1", "a1", 100));
        Map<String, Object> second = tool.execute(refund("task-1", "a2", 100));

        assertThat(second.get("refundId")).isNotEqualTo(first.get("refundId"));
        assertThat(database.count("refunds")).isEqualTo(2);
    }

    @Test
    void eightConcurrentExecutionsWithTheSameKeyWriteOneRefund() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Map<String, Object>> execution = () -> {
                    start.await();
                    return tool.execute(refund("task-1", "a1", 200));
                };
                answers.add(pool.submit(execution));
            }
            start.countDown();

            List<Object> refundIds = new ArrayList<>();
            for (Future<Map<String, Object>> answer : answers) {
                refundIds.add(answer.get(30, TimeUnit.SECONDS).get("refundId"));
            }
            assertThat(refundIds).hasSize(threads).containsOnly(refundIds.get(0));
            assertThat(database.count("refunds")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTaskIdOfTheInvocationIsRecorded() {
        tool.execute(refund("task-42", "a1", 20));

        assertThat(database.jdbc()
                        .sql("SELECT task_id FROM refunds")
                        .query(String.class)
                        .single())
                .isEqualTo("task-42");
    }

    static ToolInvocation refund(String taskId, String actionId, Object amount) {
        return DemoDatabase.invocation(
                "issue_refund", taskId, actionId, Map.of("orderId", "A-1", "amount", amount, "currency", "USD"));
    }
}
