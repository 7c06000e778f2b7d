package dev.countersign.service.demo;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Writes a row at most once per idempotency key. The key column is unique, so when two executions
 * with the same key race, the database lets one insert and the other reads the winner's row.
 */
final class IdempotentWrite {

    private IdempotentWrite() {}

    static <T> T once(Supplier<Optional<T>> rowWithKey, Runnable insert) {
        Optional<T> earlier = rowWithKey.get();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            insert.run();
        } catch (DuplicateKeyException raced) {
            // Another execution with the same key inserted first; its row, read below, is the answer.
        }
        return rowWithKey.get().orElseThrow(() -> new IllegalStateException("the row just written is missing"));
    }
}
