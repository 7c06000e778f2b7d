package dev.countersign.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The race between the check for a key and the insert, forced rather than hoped for. */
class IdempotentWriteTest {

    private final DemoDatabase database = new DemoDatabase();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void losingTheRaceToTheUniqueKeyAnswersWithTheWinnersRow() {
        insertEmail("task-1/a1", "winner@example.com");
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<String>> rowWithKey = () -> reads.getAndIncrement() == 0
                ? Optional.empty() // the check ran before the winner's insert committed
                : recipientWithKey("task-1/a1");

        String answer = IdempotentWrite.once(rowWithKey, () -> insertEmail("task-1/a1", "loser@example.com"));

        assertThat(answer).isEqualTo("winner@example.com");
        assertThat(database.count("email_outbox")).isEqualTo(1);
    }

    @Test
    void otherIntegrityFailuresAreNotTakenForARace() {
        assertThatThrownBy(() ->
                        IdempotentWrite.once(() -> recipientWithKey("task-1/a1"), () -> insertEmail("task-1/a1", null)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void insertEmail(String key, String recipient) {
        database.jdbc()
                .sql("INSERT INTO email_outbox (idempotency_key, recipient, subject, body) VALUES (?, ?, 's', 'b')")
                .params(key, recipient)
                .update();
    }

    private Optional<String> recipientWithKey(String key) {
        return database.jdbc()
                .sql("SELECT recipient FROM email_outbox WHERE idempotency_key = ?")
                .param(key)
                .query(String.class)
                .optional();
    }
}
