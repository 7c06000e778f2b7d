package dev.countersign.cli.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskHistoryTest {

    static final String HISTORY = "/api/tasks/ticket-9817/history";

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void historyIsATimelineWithTheWebUiLink() {
        server.onFixture("GET", HISTORY, 200, "api/history.json");

        Cli.Result result = cli.runWithConfig("tasks", "history", "ticket-9817");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("TIME +KIND +ACTION +ACTOR +SUMMARY");
        assertThat(lines.subList(1, 8))
                .extracting(line -> line.split(" +")[2])
                .containsExactly(
                        "STARTED",
                        "PROPOSED",
                        "POLICY_VERDICT",
                        "AWAITING_APPROVAL",
                        "DECISION",
                        "EXECUTED",
                        "COMPLETED");
        assertThat(result.out())
                .contains("2026-03-01 09:04:12  DECISION           a2      alice  alice approved issue_refund (1 of 1")
                .contains("2026-03-01 09:00:00  STARTED                    dave   dave started the task")
                .contains("2026-03-01 09:00:00  PROPOSED           a2             The agent proposed issue_refund(")
                .endsWith("Temporal Web UI: http://127.0.0.1:8233/namespaces/default/workflows/ticket-9817\n");
    }

    @Test
    void withoutWebUiThereIsNoLinkLine() {
        server.on(
                "GET",
                HISTORY,
                200,
                "{\"taskId\":\"ticket-9817\",\"webUiUrl\":null,\"events\":[{\"eventId\":1,"
                        + "\"at\":\"2026-03-01T09:00:00Z\",\"kind\":\"STARTED\",\"actionId\":null,\"tool\":null,"
                        + "\"actor\":\"dave\",\"summary\":\"started\",\"details\":{}}]}");

        Cli.Result result = cli.runWithConfig("tasks", "history", "ticket-9817");

        assertThat(result.out()).contains("STARTED").doesNotContain("Web UI");
    }

    @Test
    void jsonOutputKeepsTheDetails() {
        server.onFixture("GET", HISTORY, 200, "api/history.json");

        Cli.Result result = cli.runWithConfig("tasks", "history", "ticket-9817", "--output", "json");

        assertThat(result.out()).contains("\"refundId\" : \"RF-1\"");
    }

    @Test
    void anUnknownTaskExitsWith4() {
        server.onFixture("GET", HISTORY, 404, "problems/task-not-found.json");

        Cli.Result result = cli.runWithConfig("tasks", "history", "ticket-9817");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("run `countersign tasks list`");
    }

    @Test
    void aServerWithoutTheHistoryEndpointIsNamedAsOlder() {
        Cli.Result result = cli.runWithConfig("tasks", "history", "ticket-9817");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("this server has no history endpoint");
    }
}
