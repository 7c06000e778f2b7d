package dev.countersign.store;

import static dev.countersign.store.StoredValues.action;
import static dev.countersign.store.StoredValues.answers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.ActionState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two workers running the same step (a retry while the first attempt still runs) both succeed. */
class JdbcConcurrentWritesTest {

    private static final int WORKERS = 6;

    private final JdbcTaskStore store = new JdbcTaskStore(H2Databases.fresh(), Clock.systemUTC());

    @Test
    void workersAppendingTheSameStepAtOnceAllSucceedAndOneCopyIsStored() throws Exception {
        store.begin("t1", "run-1", "support", "goal", Map.of());
        store.append("t1", "run-1", 0, answers(0, 5));

        atOnce(() -> store.append("t1", "run-1", 5, answers(5, 40)));

        assertThat(store.conversation("t1", "run-1").transcript()).isEqualTo(answers(0, 45));
    }

    @Test
    void workersBeginningTheSameTaskAtOnceAllSucceedAndOneGoalIsKept() throws Exception {
        atOnce(() -> store.begin("t1", "run-1", "support", "goal", Map.of("n", 1)));

        assertThat(store.conversation("t1", "run-1").goal()).isEqualTo("goal");
    }

    @Test
    void workersArchivingTheSameActionsAtOnceAllSucceedAndOneCopyIsKept() throws Exception {
        atOnce(() -> store.archive(
                "t1", "run-1", List.of(action("a1", ActionState.EXECUTED), action("a2", ActionState.FAILED))));

        assertThat(store.page("t1", "run-1", 0, 10))
                .containsExactly(action("a1", ActionState.EXECUTED), action("a2", ActionState.FAILED));
    }

    private static void atOnce(Runnable write) throws Exception {
        CountDownLatch ready = new CountDownLatch(WORKERS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    write.run();
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> each : done) {
                each.get(); // a failed write fails the test with its cause
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
