package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker is killed with SIGKILL while fifteen refunds wait for reviewers. A new worker takes
 * over, the reviewers approve through its API, and every refund is made exactly once.
 */
class WorkerKilledWhileApprovalsPendingIT {

    private static Cluster cluster;

    @BeforeAll
    static void startTemporal() {
        cluster = Cluster.start(WorkerKilledWhileApprovalsPendingIT.class);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pendingApprovalsSurviveAKilledWorker() throws Exception {
        WorkerProcess first = cluster.startWorker("first");
        Desk desk = new Desk(new Api(first.port()));
        Map<String, BigDecimal> medium = RefundTasks.of("killed-250", 10, "250");
        Map<String, BigDecimal> large = RefundTasks.of("killed-5000", 5, "5000");
        Map<String, BigDecimal> all = RefundTasks.union(medium, large);

        all.forEach((taskId, amount) -> desk.startRefund(taskId, RefundTasks.orderId(taskId), amount));
        desk.awaitInbox("alice", RefundTasks.approvalIds(medium), Deadlines.RECOVERY);
        desk.awaitInbox("bob", RefundTasks.approvalIds(large), Deadlines.RECOVERY);
        assertThat(desk.ledger().refundsByTask())
                .as("no refund before approval")
                .isEmpty();

        first.kill();
        WorkerProcess restarted =
                cluster.launchWorker("restarted", first.port()).awaitReady();
        Map<String, String> aliceInbox = desk.awaitInbox("alice", RefundTasks.approvalIds(medium), Deadlines.RECOVERY);
        Map<String, String> bobInbox = desk.awaitInbox("bob", RefundTasks.approvalIds(large), Deadlines.RECOVERY);

        Map<String, String> mediumStates =
                desk.approveAll(RefundTasks.inboxEntries(aliceInbox, medium), List.of("alice"), 8, Deadlines.STEP);
        Map<String, String> largeStates =
                desk.approveAll(RefundTasks.inboxEntries(bobInbox, large), List.of("bob", "carol"), 8, Deadlines.STEP);
        assertThat(mediumStates)
                .hasSize(medium.size())
                .allSatisfy((id, state) -> assertThat(state).isEqualTo("APPROVED"));
        assertThat(largeStates)
                .hasSize(large.size())
                .allSatisfy((id, state) -> assertThat(state).isEqualTo("APPROVED"));

        Durability durability = Durability.of(
                        "worker-killed",
                        all,
                        cluster.probe().results(all.keySet(), Deadlines.RECOVERY),
                        desk.ledger(),
                        Ledger.duplicateIdempotencyKeys(cluster.ledgerUrl()))
                .print();
        durability.assertNothingLostOrDoubled();
        List<WorkflowExecutionHistory> histories = cluster.probe().histories(all.keySet());
        assertThat(histories)
                .as("every task was carried on by the restarted worker")
                .allMatch(history -> Histories.touchedBy(history, restarted.identityPrefix()));
        Histories.assertReplay("worker-killed", histories);
    }
}
