package dev.countersign.service.it;

/** Prints how long each step of a scenario took, so a slow run shows where its time went. */
final class Phases {

    private final String scenario;
    private final long start = System.nanoTime();
    private long last = start;

    Phases(String scenario) {
        this.scenario = scenario;
    }

    void done(String step) {
        long now = System.nanoTime();
        System.out.printf(
                "phase[%s]: %-48s %6.1f s (at %6.1f s)%n", scenario, step, (now - last) / 1e9, (now - start) / 1e9);
        last = now;
    }
}
