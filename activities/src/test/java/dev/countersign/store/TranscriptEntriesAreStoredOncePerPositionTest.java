package dev.countersign.store;

import static dev.countersign.store.StoredValues.answer;
import static dev.countersign.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.AgentRequest;
import dev.countersign.agent.TranscriptEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TranscriptEntriesAreStoredOncePerPositionTest {

    private final InMemoryTaskStore store = new InMemoryTaskStore();

    @Test
    void entriesSentStepByStepMakeTheWholeConversation() {
        store.begin("t1", "run-1", "support", "refund order A-7", Map.of("orderId", "A-7"));
        store.append("t1", "run-1", 0, answers(0, 2));
        store.append("t1", "run-1", 2, answers(2, 3));

        AgentRequest conversation = store.conversation("t1", "run-1");

        assertThat(conversation.taskId()).isEqualTo("t1");
        assertThat(conversation.agent()).isEqualTo("support");
        assertThat(conversation.goal()).isEqualTo("refund order A-7");
        assertThat(conversation.input()).isEqualTo(Map.of("orderId", "A-7"));
        assertThat(conversation.transcript()).isEqualTo(answers(0, 5));
    }

    @Test
    void aRetriedStepStoresNothingTwice() {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 2));

        store.append("t1", "run-1", 0, answers(0, 2));

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

        store.begin("t1", "run-2", "support", "new goal", Map.of());

        assertThat(store.conversation("t1", "run-2").goal()).isEqualTo("new goal");
        assertThat(store.conversation("t1", "run-2").transcript()).isEmpty();
    }

    @Test
    void twoWorkersAppendingTheSameStepAtOnceStoreOneCopy() throws Exception {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 10));
        int workers = 8;
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Void>> appends = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            appends.add(() -> {
                ready.countDown();
                go.await();
                store.append("t1", "run-1", 10, answers(10, 50));
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Void>> done = new ArrayList<>();
            appends.forEach(append -> done.add(pool.submit(append)));
            ready.await();
            go.countDown();
            for (Future<Void> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<TranscriptEntry> transcript = store.conversation("t1", "run-1").transcript();
        assertThat(transcript).isEqualTo(answers(0, 60));
    }
}
