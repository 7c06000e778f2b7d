package dev.countersign.service.it;

import java.util.ArrayList;
import java.util.List;

/** A clean-up that runs every step even when one fails, then fails with everything that went wrong. */
final class CleanUp {

    private CleanUp() {}

    static void all(Object what, List<Runnable> steps) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("cleaning up " + what + " failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
