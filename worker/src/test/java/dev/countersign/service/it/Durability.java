package dev.countersign.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's run left behind, against what it asked for: each task must have completed and
 * have exactly one refund of the amount asked (and one email), and no idempotency key may occur
 * twice.
 *
 * @param executions refund rows written for the scenario's tasks
 * @param duplicates refund or email rows beyond one per task, plus duplicated idempotency keys
 * @param lost tasks that did not complete, or completed without their refund or email
 */
record Durability(
        String scenario,
        int tasks,
        int completed,
        int executions,
        int emails,
        int duplicates,
        int lost,
        int wrongAmounts,
        int duplicateKeys) {

    static Durability of(
            String scenario,
            Map<String, BigDecimal> amountByTask,
            Map<String, TaskView> results,
            Ledger ledger,
            int duplicateKeys) {
        Map<String, List<Ledger.Refund>> refunds = ledger.refundsByTask();
        Map<String, Long> emails = ledger.emailsByTask();
        int completed = 0, executions = 0, emailCount = 0, duplicates = duplicateKeys, lost = 0, wrong = 0;
        for (Map.Entry<String, BigDecimal> task : amountByTask.entrySet()) {
            TaskView view = results.get(task.getKey());
            List<Ledger.Refund> rows = refunds.getOrDefault(task.getKey(), List.of());
            long sent = emails.getOrDefault(task.getKey(), 0L);
            boolean done = view != null && view.status() == TaskStatus.COMPLETED;
            completed += done ? 1 : 0;
            executions += rows.size();
            emailCount += (int) sent;
            duplicates += Math.max(0, rows.size() - 1) + (int) Math.max(0, sent - 1);
            if (!done || rows.isEmpty() || sent == 0) {
                lost++;
            }
            if (rows.stream()
                    .anyMatch(row -> row.amount().compareTo(task.getValue()) != 0 || !"USD".equals(row.currency()))) {
                wrong++;
            }
        }
        return new Durability(
                scenario,
                amountByTask.size(),
                completed,
                executions,
                emailCount,
                duplicates,
                lost,
                wrong,
                duplicateKeys);
    }

    String line() {
        return "durability[" + scenario + "]: tasks=" + tasks + " completed=" + completed + " executions=" + executions
                + " emails=" + emails + " duplicates=" + duplicates + " lost=" + lost + " wrongAmounts="
                + wrongAmounts + " duplicateKeys=" + duplicateKeys;
    }

    Durability print() {
        System.out.println(line());
        return this;
    }

    void assertNothingLostOrDoubled() {
        assertThat(duplicates).as(line()).isZero();
        assertThat(lost).as(line()).isZero();
        assertThat(wrongAmounts).as(line()).isZero();
        assertThat(completed).as(line()).isEqualTo(tasks);
        assertThat(executions).as(line()).isEqualTo(tasks);
        assertThat(emails).as(line()).isEqualTo(tasks);
    }
}
