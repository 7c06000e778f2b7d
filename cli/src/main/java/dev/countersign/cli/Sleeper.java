package dev.countersign.cli;

import java.time.Duration;

/** Waits between redraws and retries; tests replace it so that nothing really sleeps. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
