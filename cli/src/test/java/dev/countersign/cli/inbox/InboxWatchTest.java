package dev.countersign.cli.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.FakeServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWatchTest {

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
    void watchRedrawsEveryIntervalUntilInterrupted() {
        server.on(
                "GET",
                "/api/approvals",
                Answer.of(200, "[]"),
                Answer.fixture(200, "api/approvals.json"),
                Answer.of(200, "[]"));

        Cli.Result result = cli.interruptAfterSleeps(3).runWithConfig("inbox", "--watch", "--interval", "7");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests("GET", "/api/approvals")).hasSize(3);
        assertThat(cli.sleeps()).containsOnly(Duration.ofSeconds(7));
        assertThat(result.out())
                .contains("every 7 s: inbox of " + server.url() + " as alice")
                .contains("ticket-9817.a2");
        assertThat(result.out().split("nothing to decide", -1)).hasSize(3);
    }

    @Test
    void aServerErrorIsShownAndWatchingGoesOn() {
        server.on(
                "GET",
                "/api/approvals",
                Answer.fixture(500, "problems/internal-error.json"),
                Answer.fixture(200, "api/approvals.json"));

        Cli.Result result = cli.interruptAfterSleeps(2).runWithConfig("inbox", "--watch");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("error: Internal Server Error").contains("ticket-9817.a2");
    }

    @Test
    void refusedCredentialsEndTheWatch() {
        server.onFixture("GET", "/api/approvals", 401, "problems/unauthenticated.json");

        Cli.Result result = cli.runWithConfig("inbox", "--watch");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("run `countersign login`");
    }

    @Test
    void intervalBelowOneSecondIsAUsageError() {
        Cli.Result result = cli.runWithConfig("inbox", "--watch", "--interval", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--interval must lie between 1 and 3600 seconds");
        assertThat(server.requests()).isEmpty();
    }
}
