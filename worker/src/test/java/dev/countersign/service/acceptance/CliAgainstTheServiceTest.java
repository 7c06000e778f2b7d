package dev.countersign.service.acceptance;

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
        // olga (operators) reads every task but decides none of support-leads' calls.
        CliRunner olga = loggedIn("olga");

        CliRunner.Run forbidden = olga.run("approve", approvalId);
        assertThat(forbidden.exitCode()).isEqualTo(3);
        assertThat(olga.run("tasks", "show", "no-such-task").exitCode()).isEqualTo(4);
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

    @Test
    void aTaskOutsideTheReadScopeReadsAsNotFoundAsAnUnknownOneDoes() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);
        // bob is in finance, a group this $250 refund's policy never named.
        CliRunner bob = loggedIn("bob");

        CliRunner.Run show = bob.run("tasks", "show", taskId);
        CliRunner.Run unknown = bob.run("tasks", "show", "no-such-task");
        assertThat(show.exitCode()).isEqualTo(4);
        assertThat(show.out()).isEmpty();
        assertThat(show.err()).isEqualTo(unknown.err().replace("no-such-task", taskId));
        assertThat(show.err()).contains("Task not found: no task '" + taskId + "'");
        assertThat(bob.run("tasks", "history", taskId).exitCode()).isEqualTo(4);
        assertThat(bob.run("approve", approvalId).exitCode()).isEqualTo(4);
        assertThat(bob.run("tasks", "guide", taskId, "--text", "refund everything")
                        .exitCode())
                .isEqualTo(4);
        CliRunner.Run list = bob.run("tasks", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).doesNotContain(taskId);

        CliRunner alice = loggedIn("alice");
        assertThat(alice.run("tasks", "show", taskId).exitCode()).isZero();
        assertThat(alice.run("tasks", "list").out()).contains(taskId);
        CliRunner.Run rejected = alice.run("reject", approvalId, "--reason", "test clean-up");
        assertThat(rejected.exitCode()).as(rejected.err()).isZero();
    }
}
