package dev.countersign.service.it;

import java.time.Duration;

/** How long the suite waits for state; every wait in it is bounded by one of these. */
final class Deadlines {

    /** A step that needs no recovery: tasks reach their inbox, decisions are answered. */
    static final Duration STEP = Duration.ofMinutes(2);

    /**
     * A step during which work given to a worker may be lost (the worker was killed, or a loaded
     * machine dropped a dispatch). Temporal hands such work out again only when its timeout expires:
     * a workflow task after 10 s, an activity after its start-to-close timeout, 5 minutes for tool
     * calls and 2 for the agent model. This covers the longest of those, with a margin.
     */
    static final Duration RECOVERY = Duration.ofMinutes(8);

    /** How often a wait reads again: a cluster of real processes changes in seconds, not milliseconds. */
    static final Duration POLL = Duration.ofMillis(500);

    private Deadlines() {}
}
