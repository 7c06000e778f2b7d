package dev.countersign.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The real countersign CLI, in process, against the running service over HTTP. */
class CliAgainstTheServiceTest extends AcceptanceTest {

    private CliRunner loggedIn(String user) {
        return CliRunner.against(port).loggedInAs(user);
    }

    @Test
    void reviewerFindsApprovesAndReadsTheHistoryThroughTheCli() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);
        CliRunner alice = loggedIn("alice");

        assertThat(alice.run("inbox").out()).contains(approvalId);
        CliRunner.Run approved = alice.run("approve", approvalId, "--comment", "matches the statement");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        desk.awaitStatus(taskId, "COMPLETED");

        CliRunner.Run history = alice.run("tasks", "history", taskId);
        assertThat(history.exitCode()).isZero();
        assertThat(history.out())
                .contains("STARTED")
                .contains("DECISION")
                .contains("alice")
                .contains("COMPLETED");
        assertThat(history.out().indexOf("alice")).isLessThan(history.out().lastIndexOf("COMPLETED"));
        assertThat(desk.refunds(taskId)).hasSize(1);
    }

    @Test
    void refusalsComeBackAsTheirExitCodes() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);
        CliRunner bob = loggedIn("bob");

        CliRunner.Run forbidden = bob.run("approve", approvalId);
        assertThat(forbidden.exitCode()).isEqualTo(3);
        assertThat(bob.run("tasks", "show", "no-such-task").exitCode()).isEqualTo(4);
        CliRunner.Run rejected = loggedIn("alice").run("reject", approvalId, "--reason", "duplicate");
        assertThat(rejected.exitCode()).as(rejected.err()).isZero();
        // A decided approval is no longer pending: a conflict, and the CLI says what became of the call.
        CliRunner.Run late = loggedIn("alice").run("approve", approvalId);
        assertThat(late.exitCode()).isEqualTo(5);
        assertThat(late.err()).contains("is no longer pending: the call is REJECTED");
        assertThat(loggedIn("alice").run("approve", "no-such-task.a2").exitCode())
                .isEqualTo(4);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }
}
