package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import dev.countersign.review.ReviewVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the task sends every row of its decision record to the store as it happens, so who
 * decided what outlives the workflow's history. Rows are read as "action key kind outcome by".
 */
class DecisionRecordReachesTheStoreTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void anAutoCallThatRanIsProposedJudgedAndExecuted() {
        String taskId = harness.startRefund(5);
        TaskView done = harness.result(taskId);

        List<DecisionRecordRow> refund = rowsOf(taskId, "a2");
        assertThat(lines(refund))
                .containsExactly(
                        "a2 proposal proposal null null",
                        "a2 verdict verdict auto null",
                        "a2 execution execution executed null");
        DecisionRecordRow verdict = refund.get(1);
        assertThat(verdict.rule()).isEqualTo("small-refunds");
        assertThat(verdict.policyHash()).isEqualTo(RefundTestPolicy.HASH);
        assertThat(refund).allSatisfy(row -> {
            assertThat(row.requester()).isEqualTo(TaskHarness.REQUESTER);
            assertThat(row.agent()).isEqualTo("support");
            assertThat(row.tool()).isEqualTo("issue_refund");
            assertThat(row.at()).isNotNull();
        });
        assertThat(refund.get(0).argsDigest())
                .as("the digest reviewers see")
                .isEqualTo(TaskHarness.action(done, "issue_refund").argsDigest());
    }

    @Test
    void anEditNamesItsReviewerAndTheArgumentsItReplaced() {
        String taskId = harness.startRefund(250);
        String proposed = harness.awaitPending(taskId).pendingApproval().argsDigest();

        harness.decide(taskId, "alice", DecisionKind.EDIT, Map.of("orderId", "A-1", "amount", 200), null, "partial");
        harness.result(taskId);

        List<DecisionRecordRow> refund = rowsOf(taskId, "a2");
        assertThat(lines(refund))
                .containsExactly(
                        "a2 proposal proposal null null",
                        "a2 verdict verdict approve null",
                        "a2 decision-0 decision edit alice",
                        "a2 execution execution executed null");
        DecisionRecordRow edit = refund.get(2);
        assertThat(edit.comment()).isEqualTo("partial");
        assertThat(edit.previousArgsDigest()).isEqualTo(proposed);
        assertThat(edit.argsDigest())
                .isEqualTo(DecisionRecordRows.argsDigest("issue_refund", Map.of("orderId", "A-1", "amount", 200)))
                .isNotEqualTo(proposed);
        assertThat(refund.get(1).rule()).isEqualTo("medium-refunds");
    }

    @Test
    void aRejectionIsRecordedWithItsReasonAndNothingRan() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        harness.decide(taskId, "alice", DecisionKind.REJECT, null, null, "not eligible");
        harness.result(taskId);

        List<DecisionRecordRow> refund = rowsOf(taskId, "a2");
        assertThat(lines(refund))
                .containsExactly(
                        "a2 proposal proposal null null",
                        "a2 verdict verdict approve null",
                        "a2 decision-0 decision reject alice");
        assertThat(refund.get(2).comment()).isEqualTo("not eligible");
    }

    @Test
    void anEscalationThenATimeoutAreRecordedWithoutAReviewer() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);

        harness.skip(Duration.ofHours(13));
        harness.result(taskId);

        List<DecisionRecordRow> refund = rowsOf(taskId, "a2");
        assertThat(lines(refund))
                .containsExactly(
                        "a2 proposal proposal null null",
                        "a2 verdict verdict approve null",
                        "a2 decision-0 escalation escalate null",
                        "a2 decision-1 timeout timeout null");
        assertThat(refund.get(3).comment()).contains("nobody decided");
        assertThat(refund.get(3).at()).isAfter(refund.get(2).at());
    }

    @Test
    void aReviewWithARollbackRecordsTheReviewerAndTheCompensation() {
        String taskId = harness.startRefund(5, "sample");
        harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);

        harness.review(taskId, "a2", "olga", ReviewVerdict.ROLLBACK, "wrong order");
        harness.result(taskId);

        List<DecisionRecordRow> refund = rowsOf(taskId, "a2");
        assertThat(lines(refund))
                .containsExactly(
                        "a2 proposal proposal null null",
                        "a2 verdict verdict auto null",
                        "a2 execution execution executed null",
                        "a2 review review rollback olga",
                        "a2 rollback-1 rollback rolled_back null");
        assertThat(refund.get(3).comment()).isEqualTo("wrong order");
    }

    @Test
    void rowsArriveOnceEvenWhenTheStoreFailsItsFirstCalls() {
        harness.records.failuresLeft.set(3);
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);
        harness.approve(taskId, "alice");
        harness.result(taskId);

        List<DecisionRecordRow> stored = harness.records.of(taskId);
        assertThat(stored)
                .extracting(row -> row.actionId() + " " + row.eventKey())
                .containsExactlyInAnyOrder(
                        "a1 proposal",
                        "a1 verdict",
                        "a1 execution",
                        "a2 proposal",
                        "a2 verdict",
                        "a2 decision-0",
                        "a2 execution",
                        "a3 proposal",
                        "a3 verdict",
                        "a3 execution");
        assertThat(harness.records.received.stream().filter(row -> row.taskId().equals(taskId)))
                .as("each row is sent once by one run")
                .hasSize(stored.size());
        assertThat(harness.records.failuresLeft).hasValue(0);
    }

    private List<DecisionRecordRow> rowsOf(String taskId, String actionId) {
        return harness.records.of(taskId).stream()
                .filter(row -> row.actionId().equals(actionId))
                .toList();
    }

    private static List<String> lines(List<DecisionRecordRow> rows) {
        return rows.stream()
                .map(row -> row.actionId() + " " + row.eventKey() + " "
                        + row.kind().wireName() + " " + row.outcome() + " " + row.by())
                .toList();
    }
}
