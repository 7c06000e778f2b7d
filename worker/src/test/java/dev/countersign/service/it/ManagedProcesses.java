package dev.countersign.service.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process the suite starts, so that a JVM shutdown hook kills what an @AfterAll could not
 * (an interrupted run, a failure in set-up). The tests stop their processes themselves first.
 */
final class ManagedProcesses {

    private static final Set<ProcessHandle> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcesses::killAll, "it-kill-started-processes"));
    }

    private ManagedProcesses() {}

    static void track(ProcessHandle process) {
        RUNNING.add(process);
    }

    static void untrack(ProcessHandle process) {
        RUNNING.remove(process);
    }

    private static void killAll() {
        for (ProcessHandle process : RUNNING) {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
