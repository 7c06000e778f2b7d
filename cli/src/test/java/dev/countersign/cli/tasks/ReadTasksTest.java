package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTasksTest {

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home).loggedIn(server.url(), "dave", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listShowsTheNewestTasksWithTheirStatus() {
        server.on("GET", "/api/tasks?limit=20", 200, "[" + Fixtures.read("api/task.json") + "]");

        Cli.Result result = cli.runWithConfig("tasks", "list", "--limit", "20");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().findFirst().orElseThrow())
                .matches("TASK +STATUS +AGENT +REQUESTER +UPDATED +GOAL");
        assertThat(result.out())
                .contains("ticket-9817  AWAITING_APPROVAL  support  dave       2026-03-01 09:00:04  Customer says");
    }

    @Test
    void listAsksForFiftyByDefault() {
        server.on("GET", "/api/tasks?limit=50", 200, "[]");

        Cli.Result result = cli.runWithConfig("tasks", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("no tasks yet");
    }

    @Test
    void aLimitOutOfRangeIsAUsageError() {
        Cli.Result result = cli.runWithConfig("tasks", "list", "--limit", "501");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void showPrintsTheTaskItsActionsAndTheCommandToDecide() {
        server.onFixture("GET", "/api/tasks/ticket-9817", 200, "api/task.json");

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("status     AWAITING_APPROVAL")
                .contains("requester  dave")
                .contains("input      {\"orderId\":42,\"customer\":\"c-1001\"}")
                .contains("a1      lookup_order  EXECUTED  AUTO")
                .contains(
                        "a2      issue_refund  PENDING   APPROVE  medium-refunds             {\"orderId\":42,\"amount\":250.0}")
                .contains("waiting for approval ticket-9817.a2 (0/1 approvals, tier support-leads)")
                .contains("decide with: countersign approve ticket-9817.a2");
    }

    @Test
    void showOfATaskWithAQuestionSaysHowToAnswer() {
        server.onFixture("GET", "/api/tasks/ticket-9900", 200, "api/task-question.json");

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9900");

        assertThat(result.out())
                .contains("no actions yet")
                .contains("the agent asks: Refund to the card or as store credit?")
                .contains("options: card | store credit")
                .contains("answer with: countersign tasks answer ticket-9900 --text TEXT");
    }

    @Test
    void showInJsonIsTheServersTaskView() {
        server.onFixture("GET", "/api/tasks/ticket-9817", 200, "api/task.json");

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817", "-o", "json");

        assertThat(result.out()).contains("\"pendingApprovalId\" : \"ticket-9817.a2\"");
    }
}
