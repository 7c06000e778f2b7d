package dev.countersign.cli.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        server.onFixture("GET", "/api/approvals", 200, "api/approvals.json");
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tableShowsOneRowPerPendingApproval() {
        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .matches("APPROVAL +TOOL +REQUESTED +RULE +APPROVALS +REQUESTER +ARGS");
        assertThat(result.out())
                .contains("ticket-9817.a2  issue_refund  29m ago    medium-refunds  0/1        dave       "
                        + "{\"orderId\":42,\"amount\":250.0}\n")
                .contains("large-refunds   1/2        dave       {\"orderId\":77,");
    }

    @Test
    void jsonOutputIsTheServersAnswer() throws Exception {
        Cli.Result result = cli.runWithConfig("inbox", "--output", "json");

        assertThat(result.exitCode()).isZero();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(result.out())).isEqualTo(json.readTree(Fixtures.read("api/approvals.json")));
    }

    @Test
    void argumentsAreCutToFitTheTerminal() {
        Cli.Result result = cli.terminalWidth(120).runWithConfig("inbox");

        assertThat(result.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(result.out())
                .contains("{\"orderId\":42,\"amount\":250.0}\n") // short enough: not cut
                .contains("{\"orderId\":77,\"amount\":4200.0,\"note\":\"...")
                .doesNotContain("lost in transit");
    }

    @Test
    void onANarrowTerminalTheLeastNeededColumnsAreLeftOut() {
        Cli.Result result = cli.terminalWidth(90).runWithConfig("inbox");

        assertThat(result.out().lines().findFirst().orElseThrow())
                .matches("APPROVAL +TOOL +REQUESTED +APPROVALS +ARGS");
        assertThat(result.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(90));
    }

    @Test
    void anEmptyInboxSaysSo() {
        try (FakeServer empty = FakeServer.start()) {
            empty.on("GET", "/api/approvals", 200, "[]");

            Cli.Result result = cli.runWithConfig("inbox", "--server", empty.url());

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("nothing to decide");
        }
    }

    @Test
    void serverOptionAndEnvironmentOverrideTheStoredServer() {
        try (FakeServer other = FakeServer.start()) {
            other.on("GET", "/api/approvals", 200, "[]");
            cli.loggedIn("http://127.0.0.1:9", "alice", "demo");

            assertThat(cli.runWithConfig("inbox", "--server", other.url()).exitCode())
                    .isZero();
            assertThat(cli.env("COUNTERSIGN_SERVER", other.url())
                            .runWithConfig("inbox")
                            .exitCode())
                    .isZero();
            assertThat(other.requests()).hasSize(2);
        }
    }

    @Test
    void withoutStoredCredentialsItAsksToLogIn() {
        Cli.Result result = new Cli(home.resolve("elsewhere")).runWithConfig("inbox", "--server", server.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("not logged in").contains("run `countersign login --server URL --user NAME`");
        assertThat(server.requests()).isEmpty();
    }
}
