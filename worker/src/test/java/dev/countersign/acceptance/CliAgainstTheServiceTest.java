package dev.countersign.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.CliContext;
import dev.countersign.cli.CountersignCli;
import dev.countersign.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The real countersign CLI, in process, against the running service over HTTP. */
class CliAgainstTheServiceTest extends AcceptanceTest {

    private record Run(int exitCode, String out, String err) {}

    private Run cli(Path home, String... args) {
        CliContext context = new CliContext(
                Map.of("COUNTERSIGN_PASSWORD", ApiClient.PASSWORD, "XDG_CONFIG_HOME", home.toString()),
                home,
                new ByteArrayInputStream(new byte[0]),
                prompt -> Optional.empty(),
                duration -> {},
                Clock.systemUTC(),
                ZoneOffset.UTC,
                Terminal.fixed(false, 200),
                CliContext.CONNECT_TIMEOUT,
                CliContext.REQUEST_TIMEOUT);
        CommandLine commandLine = CountersignCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path loggedIn(String user) {
        try {
            Path home = Files.createTempDirectory("countersign-cli-" + user);
            Run login = cli(home, "login", "--server", "http://127.0.0.1:" + port, "--user", user);
            assertThat(login.exitCode()).as(login.err()).isZero();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reviewerFindsApprovesAndReadsTheHistoryThroughTheCli() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);
        Path alice = loggedIn("alice");

        assertThat(cli(alice, "inbox").out()).contains(approvalId);
        Run approved = cli(alice, "approve", approvalId, "--comment", "matches the statement");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        desk.awaitStatus(taskId, "COMPLETED");

        Run history = cli(alice, "tasks", "history", taskId);
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
        Path bob = loggedIn("bob");

        Run forbidden = cli(bob, "approve", approvalId);
        assertThat(forbidden.exitCode()).isEqualTo(3);
        assertThat(cli(bob, "tasks", "show", "no-such-task").exitCode()).isEqualTo(4);
        Run rejected = cli(loggedIn("alice"), "reject", approvalId, "--reason", "duplicate");
        assertThat(rejected.exitCode()).as(rejected.err()).isZero();
        // A decided approval is no longer pending: a conflict, and the CLI says what became of the call.
        Run late = cli(loggedIn("alice"), "approve", approvalId);
        assertThat(late.exitCode()).isEqualTo(5);
        assertThat(late.err()).contains("is no longer pending: the call is REJECTED");
        assertThat(cli(loggedIn("alice"), "approve", "no-such-task.a2").exitCode())
                .isEqualTo(4);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }
}
