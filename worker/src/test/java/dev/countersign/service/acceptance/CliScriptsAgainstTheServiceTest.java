package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real CLI as a script uses it, against the running service: JSON output, an edit, and every
 * exit code (0 ok, 1 error, 2 usage, 3 not allowed, 4 not found, 5 conflict).
 */
class CliScriptsAgainstTheServiceTest extends AcceptanceTest {

    @Test
    void inboxAndDecisionAsJsonAreTheServersJson() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);
        CliRunner alice = CliRunner.against(port).loggedInAs("alice");

        CliRunner.Run inbox = alice.run("inbox", "--output", "json");
        CliRunner.Run approved = alice.run("approve", approvalId, "--output", "json");

        assertThat(inbox.exitCode()).as(inbox.err()).isZero();
        JsonNode approvals = ApiClient.JSON.readTree(inbox.out());
        assertThat(approvals.isArray()).isTrue();
        assertThat(approvals.findValuesAsString("approvalId")).contains(approvalId);
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(ApiClient.JSON.readTree(approved.out()).toString()).contains("APPROVED");
        desk.awaitStatus(taskId, "COMPLETED");
    }

    @Test
    void editThroughTheCliRunsTheEditedRefund() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);

        CliRunner.Run edited = CliRunner.against(port)
                .loggedInAs("alice")
                .run("edit", approvalId, "--set", "amount=200", "--comment", "only the second item");

        assertThat(edited.exitCode()).as(edited.err()).isZero();
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("200"));
    }

    @Test
    void usageErrorsExitWith2AndReachNoServer() {
        CliRunner.Run missingId = CliRunner.against(port).loggedInAs("alice").run("approve");

        assertThat(missingId.exitCode()).isEqualTo(2);
        assertThat(CliRunner.against(port).run("inbox", "--no-such-option").exitCode())
                .isEqualTo(2);
    }

    @Test
    void notLoggedInExitsWith3() {
        CliRunner.Run inbox = CliRunner.against(port).run("inbox");

        assertThat(inbox.exitCode()).isEqualTo(3);
        assertThat(inbox.err()).contains("countersign login");
    }

    @Test
    void unknownTaskExitsWith4() {
        assertThat(CliRunner.against(port)
                        .loggedInAs("dave")
                        .run("tasks", "show", "no-such-task")
                        .exitCode())
                .isEqualTo(4);
    }

    @Test
    void sameTaskIdWithOtherInputExitsWith5() {
        CliRunner dave = CliRunner.against(port).loggedInAs("dave");
        String taskId = SupportDesk.uniqueTaskId("cli-conflict");

        CliRunner.Run first = dave.run(
                "tasks",
                "start",
                "--agent",
                "support",
                "--task-id",
                taskId,
                "--input-json",
                "{\"orderId\":\"A-1\",\"amount\":5,\"currency\":\"USD\",\"customer\":\"c@example.com\",\"reason\":\"x\"}");
        CliRunner.Run second = dave.run(
                "tasks",
                "start",
                "--agent",
                "support",
                "--task-id",
                taskId,
                "--input-json",
                "{\"orderId\":\"A-1\",\"amount\":6,\"currency\":\"USD\",\"customer\":\"c@example.com\",\"reason\":\"x\"}");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isEqualTo(5);
    }

    @Test
    void unreachableServerExitsWith1() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        CliRunner.Run login =
                CliRunner.against(port).run("login", "--server", "http://127.0.0.1:" + closed, "--user", "alice");

        assertThat(login.exitCode()).isEqualTo(1);
        assertThat(login.err()).contains("127.0.0.1:" + closed);
    }
}
