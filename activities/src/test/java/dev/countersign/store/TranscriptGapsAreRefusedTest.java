package dev.countersign.store;

import static dev.countersign.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TranscriptGapsAreRefusedTest {

    private final InMemoryTaskStore store = new InMemoryTaskStore();

    @Test
    void entriesBeyondTheEndAreAGapAndStoreNothing() {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 3));

        assertThatThrownBy(() -> store.append("t1", "run-1", 5, answers(5, 2)))
                .isInstanceOf(TranscriptGap.class)
                .hasMessageContaining("holds 3 entries")
                .hasMessageContaining("entries 3 to 4 are missing");
        assertThat(store.conversation("t1", "run-1").transcript()).hasSize(3);
    }

    @Test
    void appendingToAnUnknownConversationIsAGap() {
        assertThatThrownBy(() -> store.append("t1", "run-1", 0, answers(0, 1)))
                .isInstanceOf(TranscriptGap.class)
                .hasMessageContaining("no conversation of task 't1' (first run run-1)");
    }

    @Test
    void readingAnUnknownConversationIsAGap() {
        store.begin("t1", "run-1", "support", "goal", Map.of());

        assertThatThrownBy(() -> store.conversation("t1", "run-2"))
                .isInstanceOf(TranscriptGap.class)
                .hasMessageContaining("first run run-2");
    }

    @Test
    void aNegativePositionIsRefused() {
        store.begin("t1", "run-1", "support", "goal", Map.of());

        assertThatThrownBy(() -> store.append("t1", "run-1", -1, answers(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
