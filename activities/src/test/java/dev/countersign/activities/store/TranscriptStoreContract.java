package dev.countersign.activities.store;

import static dev.countersign.activities.store.StoredValues.answer;
import static dev.countersign.activities.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.agent.AgentRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every TranscriptStore does; each store's test class extends this one. */
public abstract class TranscriptStoreContract {

    protected TranscriptStore store;

    protected abstract TranscriptStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void entriesSentStepByStepMakeTheWholeConversation() {
        store.begin("t1", "run-1", "support", "refund order A-7", Map.of("orderId", "A-7"));
        store.append("t1", "run-1", 0, answers(0, 2));
        store.append("t1", "run-1", 2, answers(2, 3));

        assertThat(store.conversation("t1", "run-1"))
                .isEqualTo(
                        new AgentRequest("t1", "support", "refund order A-7", Map.of("orderId", "A-7"), answers(0, 5)));
    }

    @Test
    void aRetriedStepStoresNothingTwice() {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 2));

        store.append("t1", "run-1", 0, answers(0, 2));
        store.append("t1", "run-1", 1, answers(1, 1));

        assertThat(store.conversation("t1", "run-1").transcript()).isEqualTo(answers(0, 2));
    }

    @Test
    void aHeldPositionKeepsItsFirstEntry() {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, List.of(answer("first")));

        store.append("t1", "run-1", 0, List.of(answer("second"), answer("next")));

        assertThat(store.conversation("t1", "run-1").transcript()).containsExactly(answer("first"), answer("next"));
    }

    @Test
    void aSecondBeginKeepsTheFirstGoalAndInput() {
        store.begin("t1", "run-1", "support", "first goal", Map.of("n", 1));
        store.append("t1", "run-1", 0, answers(0, 1));

        store.begin("t1", "run-1", "support", "second goal", Map.of("n", 2));

        AgentRequest conversation = store.conversation("t1", "run-1");
        assertThat(conversation.goal()).isEqualTo("first goal");
        assertThat(conversation.input()).isEqualTo(Map.of("n", 1));
        assertThat(conversation.transcript()).hasSize(1);
    }

    @Test
    void aTaskIdUsedAgainWithAnotherFirstRunIsAnotherConversation() {
        store.begin("t1", "run-1", "support", "old goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 3));

        store.begin("t1", "run-2", "support", "new goal", null);

        assertThat(store.conversation("t1", "run-2").goal()).isEqualTo("new goal");
        assertThat(store.conversation("t1", "run-2").input()).isEmpty();
        assertThat(store.conversation("t1", "run-2").transcript()).isEmpty();
        assertThat(store.conversation("t1", "run-1").transcript()).hasSize(3);
    }

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

    @Test
    void workersAppendingTheSameStepAtOnceAllSucceedAndOneCopyIsStored() throws Exception {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 5));

        Concurrently.atOnce(() -> store.append("t1", "run-1", 5, answers(5, 40)));

        assertThat(store.conversation("t1", "run-1").transcript()).isEqualTo(answers(0, 45));
    }

    @Test
    void workersBeginningTheSameTaskAtOnceAllSucceedAndOneGoalIsKept() throws Exception {
        Concurrently.atOnce(() -> store.begin("t1", "run-1", "support", "goal", Map.of("n", 1)));

        assertThat(store.conversation("t1", "run-1").goal()).isEqualTo("goal");
        assertThat(store.conversation("t1", "run-1").input()).isEqualTo(Map.of("n", 1));
    }
}
