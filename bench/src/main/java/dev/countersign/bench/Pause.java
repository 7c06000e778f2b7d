package dev.countersign.bench;

import java.util.concurrent.locks.LockSupport;

/** Waiting in the bench's own loops: for a server to come up, or until an operation's intended start. */
final class Pause {

    private Pause() {}

    static void millis(long millis) {
        until(System.nanoTime() + millis * 1_000_000);
    }

    /** Parks until {@link System#nanoTime()} reaches {@code nanos}. */
    static void until(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
