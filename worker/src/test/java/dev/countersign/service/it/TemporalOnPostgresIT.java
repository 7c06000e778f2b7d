package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.countersign.task.TaskStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped worker jar on the Temporal server over PostgreSQL with SQL visibility, as
 * scripts/temporal-server.sh runs it: a refund that needs approval shows in the reviewer's inbox
 * (a visibility query on Countersign's search attributes), is approved, runs once and completes.
 * Skipped where `scripts/temporal-server.sh install` has not built the server.
 */
class TemporalOnPostgresIT {

    @Test
    void anApprovedRefundCompletesOnTemporalOverPostgres() {
        assumeTrue(
                PostgresTemporal.installed(),
                "the Temporal server is not installed: run scripts/temporal-server.sh install (needs Go)");
        long began = System.nanoTime();
        Path dir = ItSettings.freshWorkDir(TemporalOnPostgresIT.class);
        String ledgerUrl = "jdbc:h2:file:" + dir.resolve("ledger") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        Map<String, BigDecimal> refunds = RefundTasks.of("postgres-250", 1, "250");
        String taskId = refunds.keySet().iterator().next();

        try (PostgresTemporal temporal = PostgresTemporal.startIn(dir.resolve("temporal"));
                TemporalProbe probe = TemporalProbe.connect(temporal.address());
                WorkerProcess worker =
                        WorkerProcess.launch("worker", dir, temporal.address(), FreePorts.next(), ledgerUrl)) {
            System.out.printf("temporal-on-postgres: server started in %d ms%n", millisSince(began));
            worker.awaitReady();
            Desk desk = new Desk(new Api(worker.port()));

            desk.startRefund(taskId, RefundTasks.orderId(taskId), refunds.get(taskId));
            Map<String, String> inbox = desk.awaitInbox("alice", RefundTasks.approvalIds(refunds), Deadlines.STEP);
            probe.awaitCount(
                    "the task waits for alice's group",
                    "CountersignStatus = '" + TaskStatus.AWAITING_APPROVAL + "' AND CountersignRequester = 'dave'",
                    1,
                    Deadlines.STEP);
            assertThat(desk.approveAll(RefundTasks.inboxEntries(inbox, refunds), List.of("alice"), 1, Deadlines.STEP))
                    .containsEntry(Desk.refundApproval(taskId), "APPROVED");

            Durability.of(
                            "temporal-on-postgres",
                            refunds,
                            probe.results(refunds.keySet(), Deadlines.STEP),
                            desk.ledger(),
                            Ledger.duplicateIdempotencyKeys(ledgerUrl))
                    .print()
                    .assertNothingLostOrDoubled();
            probe.awaitCount(
                    "the completed task is found by its status",
                    "CountersignStatus = '" + TaskStatus.COMPLETED + "'",
                    1,
                    Deadlines.STEP);
        }
        System.out.printf("temporal-on-postgres: started, ran and stopped everything in %d ms%n", millisSince(began));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
