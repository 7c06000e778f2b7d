package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Temporal dev server is stopped and started again on the same SQLite file while refunds wait
 * for reviewers. The worker keeps running and reconnects; the inbox, a visibility query, shows the
 * same approvals again, and approving them makes each refund once.
 */
class TemporalServerRestartIT {

    private static Cluster cluster;

    @BeforeAll
    static void startTemporal() {
        cluster = Cluster.start(TemporalServerRestartIT.class);
    }

    @AfterAll
    static void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pendingApprovalsSurviveATemporalServerRestart() throws Exception {
        WorkerProcess worker = cluster.startWorker("worker");
        Desk desk = new Desk(new Api(worker.port()));
        Map<String, BigDecimal> medium = RefundTasks.of("restart-250", 6, "250");
        Map<String, BigDecimal> large = RefundTasks.of("restart-5000", 3, "5000");
        Map<String, BigDecimal> all = RefundTasks.union(medium, large);

        all.forEach((taskId, amount) -> desk.startRefund(taskId, RefundTasks.orderId(taskId), amount));
        Map<String, String> aliceBefore = desk.awaitInbox("alice", RefundTasks.approvalIds(medium), Deadlines.RECOVERY);
        Map<String, String> bobBefore = desk.awaitInbox("bob", RefundTasks.approvalIds(large), Deadlines.RECOVERY);

        long stopped = System.nanoTime();
        cluster.temporal().stop();
        // Observed, not asserted: how the API answers while Temporal is unreachable.
        long asked = System.nanoTime();
        String whileDown = new Api(worker.port())
                .probe("alice", "/api/approvals", Duration.ofSeconds(5))
                .map(reply -> reply.status() + " " + reply.text())
                .orElse("no answer within 5 s");
        System.out.printf(
                "server-restart: inbox while the server is down: %s (%d ms)%n",
                whileDown, (System.nanoTime() - asked) / 1_000_000);
        cluster.temporal().start();
        Map<String, String> aliceAfter = desk.awaitInbox("alice", RefundTasks.approvalIds(medium), Deadlines.RECOVERY);
        Map<String, String> bobAfter = desk.awaitInbox("bob", RefundTasks.approvalIds(large), Deadlines.RECOVERY);
        System.out.printf(
                "server-restart: inbox complete again %d ms after the server was stopped%n",
                (System.nanoTime() - stopped) / 1_000_000);
        assertThat(RefundTasks.inboxEntries(aliceAfter, medium))
                .as("the same approvals, with the same argsDigest")
                .isEqualTo(RefundTasks.inboxEntries(aliceBefore, medium));
        assertThat(RefundTasks.inboxEntries(bobAfter, large)).isEqualTo(RefundTasks.inboxEntries(bobBefore, large));

        assertThat(desk.approveAll(RefundTasks.inboxEntries(aliceAfter, medium), List.of("alice"), 8, Deadlines.STEP))
                .allSatisfy((id, state) -> assertThat(state).isEqualTo("APPROVED"));
        assertThat(desk.approveAll(
                        RefundTasks.inboxEntries(bobAfter, large), List.of("bob", "carol"), 8, Deadlines.STEP))
                .allSatisfy((id, state) -> assertThat(state).isEqualTo("APPROVED"));

        Durability.of(
                        "server-restart",
                        all,
                        cluster.probe().results(all.keySet(), Deadlines.RECOVERY),
                        desk.ledger(),
                        Ledger.duplicateIdempotencyKeys(cluster.ledgerUrl()))
                .print()
                .assertNothingLostOrDoubled();
        Histories.assertReplay("server-restart", cluster.probe().histories(all.keySet()));
    }
}
