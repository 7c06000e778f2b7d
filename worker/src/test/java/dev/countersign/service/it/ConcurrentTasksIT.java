package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.TaskSearchAttributes;
import dev.countersign.task.TaskView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hundred refund tasks are started at once through REST and approved at once, each decision
 * sent twice with the same Idempotency-Key, as a client retrying after a timeout would: every task
 * completes and every refund is made exactly once.
 */
class ConcurrentTasksIT {

    private static final int TASKS = 200;
    private static final int THREADS = 16;

    private static Cluster cluster;

    @BeforeAll
    static void startTemporal() {
        cluster = Cluster.start(ConcurrentTasksIT.class);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoHundredConcurrentTasksRunTheirRefundsExactlyOnce() throws Exception {
        Phases phases = new Phases("concurrent");
        WorkerProcess worker = cluster.startWorker("worker");
        phases.done("worker ready");
        Desk desk = new Desk(new Api(worker.port()));
        Map<String, BigDecimal> tasks = RefundTasks.of("many-250", TASKS, "250");

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Map<String, Future<Void>> starts = new LinkedHashMap<>();
            tasks.forEach((taskId, amount) -> starts.put(taskId, pool.submit(() -> {
                desk.startRefund(taskId, RefundTasks.orderId(taskId), amount);
                return null;
            })));
            Desk.collect(starts, Deadlines.STEP);
            phases.done(TASKS + " tasks started on " + THREADS + " threads");

            cluster.probe()
                    .awaitCount(
                            "all tasks await approval",
                            TemporalProbe.TASKS + " AND " + TaskSearchAttributes.STATUS.getName()
                                    + " = 'AWAITING_APPROVAL'",
                            TASKS,
                            Deadlines.RECOVERY);
            Map<String, String> inbox = desk.awaitInbox("alice", RefundTasks.approvalIds(tasks), Deadlines.STEP);
            phases.done("alice's inbox shows all " + TASKS);

            Map<String, Future<String>> decisions = new LinkedHashMap<>();
            RefundTasks.inboxEntries(inbox, tasks).forEach((approvalId, digest) -> {
                String key = UUID.randomUUID().toString();
                decisions.put(approvalId, pool.submit(() -> desk.approve("alice", approvalId, digest, key)));
                decisions.put(approvalId + "#again", pool.submit(() -> desk.approve("alice", approvalId, digest, key)));
            });
            assertThat(Desk.collect(decisions, Deadlines.RECOVERY))
                    .hasSize(2 * TASKS)
                    .allSatisfy((id, state) -> assertThat(state).isEqualTo("APPROVED"));
            phases.done("approved, every decision sent twice");
        } finally {
            pool.shutdownNow();
        }

        Map<String, TaskView> results = cluster.probe().results(tasks.keySet(), Deadlines.RECOVERY);
        phases.done("all tasks ended");
        Durability durability = Durability.of(
                        "concurrent",
                        tasks,
                        results,
                        desk.ledger(),
                        Ledger.duplicateIdempotencyKeys(cluster.ledgerUrl()))
                .print();
        durability.assertNothingLostOrDoubled();
        assertThat(desk.ledger().refundsByTask())
                .as("distinct task ids in the ledger")
                .hasSize(TASKS);
        Histories.assertReplay("concurrent", cluster.probe().histories(tasks.keySet()));
        phases.done("ledger checked, histories replayed");
    }
}
