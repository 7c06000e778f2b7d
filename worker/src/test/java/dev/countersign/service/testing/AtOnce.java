package dev.countersign.service.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs several calls on threads released at the same moment, as replicas answering at once. */
public final class AtOnce {

    private AtOnce() {}

    /** The answers of {@code count} calls, call {@code i} made by {@code call.apply(i)}; a failed call fails this. */
    public static <T> List<T> run(int count, IntFunction<Callable<T>> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> each = call.apply(i);
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return each.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
