package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.tool.ToolException;
import dev.countersign.tool.ToolInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendEmailToolTest {

    private final DemoDatabase database = new DemoDatabase();
    private final SendEmailTool tool = new SendEmailTool(database.jdbc());

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anEmailSentTwiceWithTheSameKeyIsQueuedOnceAndAnswersTheSame() {
        Map<String, Object> first = tool.execute(email("a1", "ana.silva@example.com"));
        Map<String, Object> second = tool.execute(email("a1", "ana.silva@example.com"));

        assertThat(first).containsOnlyKeys("emailId");
        assertThat(second).isEqualTo(first);
        assertThat(database.count("email_outbox")).isEqualTo(1);
    }

    @Test
    void differentKeysQueueTwoEmails() {
        tool.execute(email("a1", "ana.silva@example.com"));
        tool.execute(email("a2", "ana.silva@example.com"));

        assertThat(database.count("email_outbox")).isEqualTo(2);
    }

    @Test
    void eightConcurrentSendsWithTheSameKeyQueueOneEmail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tool.execute(email("a1", "ana.silva@example.com"));
                }));
            }
            start.countDown();

            Object firstId = answers.get(0).get(30, TimeUnit.SECONDS).get("emailId");
            for (Future<Map<String, Object>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).containsEntry("emailId", firstId);
            }
            assertThat(database.count("email_outbox")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAddressThatIsNotAnEmailIsRefusedWithoutRetry() {
        assertThatThrownBy(() -> tool.execute(email("a1", "not an address")))
                .isInstanceOfSatisfying(ToolException.class, refusal -> {
                    assertThat(refusal.type()).isEqualTo(ToolArgs.INVALID_ARGUMENTS);
                    assertThat(refusal.retryable()).isFalse();
                });
        assertThat(database.count("email_outbox")).isZero();
    }

    @Test
    void aSubjectLongerThan200CharactersIsOutsideTheSchema() {
        assertThat(tool.schema().violations(Map.of("to", "a@b.co", "subject", "x".repeat(201), "body", "hi")))
                .containsExactly("'subject' must be at most 200 characters");
    }

    private static ToolInvocation email(String actionId, String to) {
        return DemoDatabase.invocation(
                "send_email",
                "task-1",
                actionId,
                Map.of(
                        "to",
                        to,
                        "subject",
                        "Your refund for order A-1",
                        "body",
                        "Hello,\n\nWe have refunded 200 USD."));
    }
}
