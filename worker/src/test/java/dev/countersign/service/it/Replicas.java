package dev.countersign.service.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two service replicas, A and B, as they run behind a load balancer: the shipped jar twice, each on
 * its own HTTP port, against one Temporal server on PostgreSQL and one database for the service's
 * data, with the same users. Closing it stops the workers, then Temporal and its cluster, even after
 * a failure; the logs stay in the work dir.
 */
final class Replicas implements AutoCloseable {

    static final String A = "a";
    static final String B = "b";

    /** A second support lead (configured below), so two people can race for one approval. */
    static final String SECOND_LEAD = "erin";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final Map<String, WorkerProcess> workers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private PostgresTemporal temporal;
    private ServiceDatabase database;

    private Replicas(Path dir) {
        this.dir = dir;
    }

    /** Starts Temporal on PostgreSQL, the service's database, and both replicas at once. */
    static Replicas start(Class<?> testClass) {
        Replicas replicas = new Replicas(ItSettings.freshWorkDir(testClass));
        try {
            replicas.temporal = PostgresTemporal.startIn(replicas.dir.resolve("temporal"));
            replicas.database = ServiceDatabase.createIn(replicas.dir.resolve("temporal/postgres"));
            for (String name : List.of(A, B)) {
                replicas.ports.put(name, FreePorts.next());
                replicas.launch(name);
            }
            replicas.workers.values().forEach(WorkerProcess::awaitReady);
            return replicas;
        } catch (RuntimeException | AssertionError e) {
            System.out.println(replicas.logTails());
            replicas.close();
            throw e;
        }
    }

    int port(String name) {
        return ports.get(name);
    }

    Api api(String name) {
        return new Api(port(name));
    }

    ServiceDatabase database() {
        return database;
    }

    /** Stops the replica with SIGTERM, as an orchestrator does, and starts it again on the same port. */
    void restart(String name) {
        stop(name);
        launch(name).awaitReady();
    }

    /** Stops the replica with SIGTERM; fails if it has not exited within 30 s. */
    void stop(String name) {
        WorkerProcess worker = workers.remove(name);
        if (worker.terminate(STOP_TIMEOUT).isEmpty()) {
            worker.close();
            throw new AssertionError("replica " + name + " did not stop within " + STOP_TIMEOUT);
        }
        worker.close();
    }

    /** The last lines of each replica's log, for a failure message. */
    String logTails() {
        StringBuilder tails = new StringBuilder();
        workers.values()
                .forEach(worker -> tails.append("---- replica ")
                        .append(worker.name())
                        .append(", last lines of ")
                        .append(dir.resolve("worker-" + worker.name() + ".log"))
                        .append(":\n")
                        .append(worker.logTail())
                        .append('\n'));
        return tails.toString();
    }

    private WorkerProcess launch(String name) {
        Map<String, String> settings = new HashMap<>(database.workerSettings());
        settings.put("COUNTERSIGN_SECURITY_USERS_ERIN_PASSWORD", "{noop}" + Api.PASSWORD);
        settings.put("COUNTERSIGN_SECURITY_USERS_ERIN_GROUPS", "support-leads");
        WorkerProcess worker =
                WorkerProcess.launch(name, dir, temporal.address(), port(name), database.url(), settings);
        workers.put(name, worker);
        return worker;
    }

    @Override
    public void close() {
        List<Runnable> steps = new ArrayList<>();
        workers.values().forEach(worker -> steps.add(worker::close));
        workers.clear();
        if (temporal != null) {
            steps.add(temporal::close);
        }
        CleanUp.all(dir, steps);
    }
}
