package dev.countersign.service.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One test class's world: its own dev server (own port and SQLite file under target/it/<class>),
 * a ledger file its workers share, the worker processes it launched, and a probe client. Closing
 * it stops all of them, even after a failure.
 */
final class Cluster implements AutoCloseable {

    private final Path dir;
    private final List<WorkerProcess> workers = new ArrayList<>();
    private DevServer temporal;
    private TemporalProbe probe;

    private Cluster(Path dir) {
        this.dir = dir;
    }

    /** Starts the dev server, its dynamic configuration changed by {@code dynamicConfig} (KEY=JSON_VALUE). */
    static Cluster start(Class<?> testClass, String... dynamicConfig) {
        Cluster cluster = new Cluster(ItSettings.freshWorkDir(testClass));
        try {
            cluster.temporal = DevServer.startIn(cluster.dir.resolve("temporal"), dynamicConfig);
            cluster.probe = TemporalProbe.connect(cluster.temporal.address());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    DevServer temporal() {
        return temporal;
    }

    TemporalProbe probe() {
        return probe;
    }

    /**
     * H2 in a file with AUTO_SERVER, so several workers and a restarted one share one ledger. The
     * first worker to open it serves it to the others; with H2's default write delay of 500 ms, a
     * SIGKILL of that worker would lose writes it had already committed, whoever made them.
     */
    String ledgerUrl() {
        return "jdbc:h2:file:" + dir.resolve("ledger") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** Launches a worker on a new port without waiting for it. */
    WorkerProcess launchWorker(String name) {
        return launchWorker(name, FreePorts.next());
    }

    WorkerProcess launchWorker(String name, int port) {
        return launchWorker(name, port, Map.of());
    }

    /** A worker jar with {@code settings} added to its environment (an agents file, a model endpoint). */
    WorkerProcess launchWorker(String name, int port, Map<String, String> settings) {
        WorkerProcess worker = WorkerProcess.launch(name, dir, temporal.address(), port, ledgerUrl(), settings);
        workers.add(worker);
        return worker;
    }

    /** A worker on its own embedded Temporal server on {@code temporalPort}, as the demo runs. */
    WorkerProcess startEmbeddedWorker(String name, int temporalPort) {
        WorkerProcess worker = WorkerProcess.launchEmbedded(name, dir, temporalPort, FreePorts.next(), ledgerUrl());
        workers.add(worker);
        return worker.awaitReady();
    }

    WorkerProcess startWorker(String name) {
        return launchWorker(name).awaitReady();
    }

    @Override
    public void close() {
        List<Runnable> steps = new ArrayList<>();
        workers.forEach(worker -> steps.add(worker::close));
        if (probe != null) {
            steps.add(probe::close);
        }
        if (temporal != null) {
            steps.add(temporal::close);
        }
        CleanUp.all(dir, steps);
    }
}
