package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.testing.Eventually;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A task whose workflow task fails forever neither breaks the task list on a real Temporal server
 * nor keeps the service from stopping: SIGTERM ends the process within 30 s.
 */
class WedgedTaskDoesNotHoldUpShutdownIT {

    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);
    private static Cluster cluster;

    @BeforeAll
    static void startTemporal() {
        cluster = Cluster.start(WedgedTaskDoesNotHoldUpShutdownIT.class);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void sigtermStopsTheServiceWhileATaskIsWedged() {
        WorkerProcess worker = cluster.startWorker("wedged");
        Api api = new Api(worker.port());
        cluster.probe().startWedgedTask("wedged-task", "countersign");

        JsonNode row = Eventually.until(
                        "the wedged task listed as unreadable",
                        Deadlines.STEP,
                        Deadlines.POLL,
                        () -> unreadableRow(api.get("olga", "/api/tasks").json()),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(row.path("status").asString()).isEqualTo("UNREADABLE");
        assertThat(row.path("error").asString()).isNotBlank();

        Optional<Duration> exitedAfter = worker.terminate(SHUTDOWN_BOUND);

        assertThat(exitedAfter)
                .as("the service exits within %s of SIGTERM; its log:%n%s", SHUTDOWN_BOUND, worker.logTail())
                .isPresent();
        System.out.println("worker exited " + exitedAfter.get().toMillis() + " ms after SIGTERM");
    }

    /**
     * The setting, the demo's embedded server, with a 3 MB goal (too large for the dev
     * server's 2 MB blob limit, so it cannot be started there) whose input the worker cannot
     * decode: the task's workflow task fails forever.
     */
    @Test
    void sigtermStopsTheEmbeddedServiceWhileATaskIsPoisonedByA3MbGoal() {
        int temporalPort = FreePorts.next();
        WorkerProcess worker = cluster.startEmbeddedWorker("embedded", temporalPort);
        Api api = new Api(worker.port());
        try (TemporalProbe embedded = TemporalProbe.connect("127.0.0.1:" + temporalPort)) {
            embedded.startWedgedTask(
                    "poisoned-task",
                    "countersign",
                    Map.of(
                            "taskId", "poisoned-task",
                            "agent", "support",
                            "goal", "Refund everything. " + "x".repeat(3 * 1024 * 1024),
                            "input", "not an object",
                            "requester", "dave"));
        }
        Eventually.until(
                "the poisoned task listed as unreadable",
                Deadlines.STEP,
                Deadlines.POLL,
                () -> unreadableRow(api.get("olga", "/api/tasks").json(), "poisoned-task"),
                Optional::isPresent);

        Optional<Duration> exitedAfter = worker.terminate(SHUTDOWN_BOUND);

        assertThat(exitedAfter)
                .as("the service exits within %s of SIGTERM; its log:%n%s", SHUTDOWN_BOUND, worker.logTail())
                .isPresent();
        System.out.println("embedded worker exited " + exitedAfter.get().toMillis() + " ms after SIGTERM");
    }

    private static Optional<JsonNode> unreadableRow(JsonNode tasks) {
        return unreadableRow(tasks, "wedged-task");
    }

    private static Optional<JsonNode> unreadableRow(JsonNode tasks, String taskId) {
        return StreamSupport.stream(tasks.spliterator(), false)
                .filter(task -> taskId.equals(task.path("taskId").asString()))
                .filter(task -> task.has("error"))
                .findFirst();
    }
}
