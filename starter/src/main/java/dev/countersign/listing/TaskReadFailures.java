package dev.countersign.listing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators see of tasks that cannot be read: the counter {@code
 * countersign.task.read.failures} (Prometheus: {@code countersign_task_read_failures_total}) tagged
 * by reason ({@code timeout} or {@code failed}), and the {@value #RECENT} running tasks most
 * recently found unreadable. A task leaves that list once it is read again or has ended.
 */
public class TaskReadFailures {

    public static final String METER = "countersign.task.read.failures";
    static final int RECENT = 20;
    private static final Logger log = LoggerFactory.getLogger(TaskReadFailures.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Recent> recent = new LinkedHashMap<>();

    /** {@code registry} may be null: then nothing is counted, the recent list is still kept. */
    public TaskReadFailures(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A task found unreadable, and whether its workflow still runs. */
    public void failed(String taskId, ReadFailure failure, String error, boolean running) {
        if (registry != null) {
            Counter.builder(METER)
                    .description("Reads of a task's state that failed or did not answer in time")
                    .tag("reason", failure.tag())
                    .register(registry)
                    .increment();
        }
        boolean first;
        synchronized (this) {
            first = recent.remove(taskId) == null;
            if (running) {
                recent.put(taskId, new Recent(taskId, failure.tag(), error, clock.instant()));
                while (recent.size() > RECENT) {
                    recent.remove(recent.keySet().iterator().next());
                }
            }
        }
        if (first && running) {
            log.warn(
                    "task {} cannot be read ({}): {}; listings show it as unreadable until it answers or an operator"
                            + " terminates it",
                    taskId,
                    failure.tag(),
                    error);
        } else {
            log.debug("task {} still cannot be read ({}): {}", taskId, failure.tag(), error);
        }
    }

    /** A task read again, or ended: it is no longer among the recently unreadable. */
    public synchronized void cleared(String taskId) {
        recent.remove(taskId);
    }

    /** The running tasks most recently found unreadable, newest first, at most {@value #RECENT}. */
    public synchronized List<Recent> recent() {
        List<Recent> newestFirst = new ArrayList<>(recent.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** A task found unreadable: when, why, and the error. */
    public record Recent(String taskId, String reason, String error, Instant at) {}
}
