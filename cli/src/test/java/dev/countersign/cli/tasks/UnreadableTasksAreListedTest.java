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

/** A task the server could not read is a row that says so, in the task list and in the inbox. */
class UnreadableTasksAreListedTest {

    private static final String UNREADABLE = "{\"taskId\":\"wedged-1\",\"status\":\"UNREADABLE\","
            + "\"requester\":\"dave\",\"error\":\"the task did not answer within PT1S\"}";

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
    void theTaskListShowsAnUnreadableTaskInItsPlace() {
        server.on("GET", "/api/tasks?limit=50", 200, "[" + UNREADABLE + "," + Fixtures.read("api/task.json") + "]");

        Cli.Result result = cli.runWithConfig("tasks", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("wedged-1")
                .contains("UNREADABLE")
                .contains("cannot be read: the task did not answer within PT1S")
                .contains("ticket-9817");
    }

    @Test
    void showingAnUnreadableTaskSaysWhy() {
        server.on("GET", "/api/tasks/wedged-1", 200, UNREADABLE);

        Cli.Result result = cli.runWithConfig("tasks", "show", "wedged-1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("UNREADABLE")
                .contains("cannot be read")
                .contains("the task did not answer within PT1S");
    }

    @Test
    void theInboxListsUnreadableTasksAfterTheApprovals() {
        String approvals = Fixtures.read("api/approvals.json").strip();
        server.on(
                "GET", "/api/approvals", 200, approvals.substring(0, approvals.length() - 1) + "," + UNREADABLE + "]");

        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("1 task cannot be read right now:");
        assertThat(result.out().substring(result.out().indexOf("cannot be read right now")))
                .contains("wedged-1")
                .contains("the task did not answer within PT1S");
    }

    @Test
    void anInboxWithOnlyAnUnreadableTaskSaysSo() {
        server.on("GET", "/api/approvals", 200, "[" + UNREADABLE + "]");

        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.out())
                .contains("nothing to decide")
                .contains("1 task cannot be read right now:")
                .contains("wedged-1");
    }
}
