package dev.countersign.bench;

import java.util.List;

/** A system under test that holds a tool call until a decision and then runs it once. */
interface GateSystem {

    /** The name of its column in the report. */
    String name();

    /** Creates {@code count} gates, each waiting for its decision, and returns once all wait. */
    List<Gate> prepare(String prefix, int count);

    /** Sends the decision and returns when the system acknowledged it; throws when it refused. */
    void decide(Gate gate);

    /**
     * Waits until whatever the decisions set off has finished (the rest of a task), so it does not
     * weigh on the next system measured.
     */
    void awaitSettled(List<Gate> gates);
}
