package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.TaskView;
import io.temporal.common.WorkflowExecutionHistory;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two workers poll one task queue; one of them is killed with SIGKILL while fifty tasks are being
 * started and run. The survivor finishes every task, and each refund is made exactly once.
 */
class TwoWorkersOneKilledIT {

    private static Cluster cluster;

    @BeforeAll
    static void startTemporal() {
        cluster = Cluster.start(TwoWorkersOneKilledIT.class);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void tasksInFlightFinishOnTheSurvivingWorker() throws Exception {
        Phases phases = new Phases("two-workers");
        // One after the other: both would create the demo tables in the shared ledger at once.
        WorkerProcess doomed = cluster.startWorker("doomed");
        WorkerProcess survivor = cluster.startWorker("survivor");
        phases.done("two workers ready");
        Desk desk = new Desk(new Api(survivor.port()));
        Map<String, BigDecimal> small = RefundTasks.of("pair-5", 40, "5");
        Map<String, BigDecimal> medium = RefundTasks.of("pair-250", 10, "250");
        Map<String, BigDecimal> all = interleaved(small, medium);

        ExecutorService starters = Executors.newFixedThreadPool(4);
        Map<String, Future<Void>> starts = new LinkedHashMap<>();
        try {
            all.forEach((taskId, amount) -> starts.put(taskId, starters.submit(() -> {
                desk.startRefund(taskId, RefundTasks.orderId(taskId), amount);
                return null;
            })));
            String completed = TemporalProbe.TASKS + " AND ExecutionStatus = 'Completed'";
            cluster.probe().awaitCount("the first small refunds done", completed, 5, Deadlines.RECOVERY);
            long completedAtKill = cluster.probe().count(completed);
            doomed.kill();
            phases.done("killed one worker, " + completedAtKill + " of " + all.size() + " tasks done");
            Desk.collect(starts, Deadlines.STEP);
        } finally {
            starters.shutdownNow();
        }
        phases.done("all " + all.size() + " tasks started");

        Map<String, String> inbox = desk.awaitInbox("alice", RefundTasks.approvalIds(medium), Deadlines.RECOVERY);
        phases.done("all medium refunds await alice");
        assertThat(desk.approveAll(RefundTasks.inboxEntries(inbox, medium), List.of("alice"), 8, Deadlines.STEP))
                .allSatisfy((id, state) -> assertThat(state).isEqualTo("APPROVED"));
        Map<String, TaskView> results = cluster.probe().results(all.keySet(), Deadlines.RECOVERY);
        phases.done("all tasks ended");

        Durability.of("two-workers", all, results, desk.ledger(), Ledger.duplicateIdempotencyKeys(cluster.ledgerUrl()))
                .print()
                .assertNothingLostOrDoubled();
        List<WorkflowExecutionHistory> histories = cluster.probe().histories(all.keySet());
        long touched = histories.stream()
                .filter(history -> Histories.touchedBy(history, doomed.identityPrefix()))
                .count();
        long redone = histories.stream().filter(Histories::redone).count();
        System.out.println("two-workers: tasks the killed worker had worked on=" + touched
                + " tasks with work redone after the kill=" + redone);
        assertThat(touched)
                .as("the killed worker took part, so its death was tested")
                .isPositive();
        Histories.assertReplay("two-workers", histories);
        phases.done("ledger checked, histories replayed");
    }

    /** Small and medium tasks mixed, so that both kinds are in flight when the worker dies. */
    private static Map<String, BigDecimal> interleaved(Map<String, BigDecimal> small, Map<String, BigDecimal> medium) {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        var smallTasks = small.entrySet().iterator();
        var mediumTasks = medium.entrySet().iterator();
        while (smallTasks.hasNext() || mediumTasks.hasNext()) {
            for (int i = 0; i < 4 && smallTasks.hasNext(); i++) {
                var task = smallTasks.next();
                all.put(task.getKey(), task.getValue());
            }
            if (mediumTasks.hasNext()) {
                var task = mediumTasks.next();
                all.put(task.getKey(), task.getValue());
            }
        }
        return all;
    }
}
