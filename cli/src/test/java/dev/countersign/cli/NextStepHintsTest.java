package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextStepHintsTest {

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        server.onFixture("GET", "/api/approvals/ticket-9817.a2", 200, "api/approval.json");
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusedCredentialsSayToLogIn() {
        server.onFixture("GET", "/api/approvals", 401, "problems/unauthenticated.json");

        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.err())
                .contains("error: Unauthenticated: bad credentials: the user name or password is wrong")
                .contains("hint: the server refused your credentials; run `countersign login`");
    }

    @Test
    void staleArgumentsSayToLookAtTheInboxAndDecideAgain() {
        server.onFixture("POST", "/api/approvals/ticket-9817.a2/decision", 409, "problems/stale-args-digest.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("hint: the arguments changed; run `countersign inbox` and decide again");
    }

    @Test
    void aReusedIdempotencyKeyNamesTheEarlierDecisionAndSaysToRunAgain() {
        server.onFixture("POST", "/api/approvals/ticket-9817.a2/decision", 422, "problems/idempotency-key-reused.json");

        Cli.Result result = cli.runWithConfig("reject", "ticket-9817.a2", "--reason", "no");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("was used for approve of ticket-9817.a2")
                .contains("hint: that Idempotency-Key already carried another decision, which stands");
    }

    @Test
    void anApprovalThatIsGoneMayHaveBeenDecidedAlready() {
        server.onFixture("GET", "/api/approvals/ticket-1.a1", 404, "problems/approval-not-found.json");

        Cli.Result result = cli.runWithConfig("reject", "ticket-1.a1", "--reason", "no");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("it may have been decided already").contains("countersign inbox");
    }

    @Test
    void notAnApproverPointsToTheInbox() {
        server.onFixture("POST", "/api/approvals/ticket-9817.a2/decision", 403, "problems/not-an-approver.json");

        Cli.Result result = cli.runWithConfig("approve", "ticket-9817.a2");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains("error: Not an approver: the current tier needs one of [finance]")
                .contains("run `countersign inbox` to see what you may decide");
    }

    @Test
    void anEndedTaskNamesTheCommandThatShowsIt() {
        server.onFixture("POST", "/api/tasks/ticket-9817/guidance", 409, "problems/task-not-active.json");

        Cli.Result result = cli.runWithConfig("tasks", "guide", "ticket-9817", "--text", "check the bank");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("hint: the task has ended; run `countersign tasks show ticket-9817`");
    }

    @Test
    void aServerFailureSaysItWasLogged() {
        server.onFixture("GET", "/api/approvals", 500, "problems/internal-error.json");

        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("the server logged the failure; try again later");
    }

    @Test
    void escapeSequencesFromTheServerNeverReachTheTerminal() {
        server.on(
                "GET",
                "/api/approvals",
                409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"\\u001b[2Jgone\",\"code\":\"X\"}");

        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.err()).contains("error: Conflict: ?[2Jgone").doesNotContain("\u001b");
    }
}
