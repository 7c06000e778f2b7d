package dev.countersign.activities.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same write on several threads released at once, as workers running one retried step. */
final class Concurrently {

    static final int WORKERS = 6;

    private Concurrently() {}

    /** Returns when every write ended; a failed write fails the caller with its cause. */
    static void atOnce(Runnable write) throws Exception {
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
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
