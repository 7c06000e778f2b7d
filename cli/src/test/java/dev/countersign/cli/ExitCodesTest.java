package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.FakeServer.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodesTest {

    static final String TASK = "/api/tasks/ticket-9817";

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

    @ParameterizedTest(name = "HTTP {0} exits with {2}")
    @CsvSource({
        "200, api/task.json,                      0",
        "400, problems/invalid-decision.json,     1",
        "401, problems/unauthenticated.json,      3",
        "403, problems/not-an-approver.json,      3",
        "404, problems/task-not-found.json,       4",
        "409, problems/task-not-active.json,      5",
        "500, problems/internal-error.json,       1"
    })
    void eachHttpStatusHasItsExitCode(int status, String fixture, int exitCode) {
        server.onFixture("GET", TASK, status, fixture);

        assertThat(cli.runWithConfig("tasks", "show", "ticket-9817").exitCode()).isEqualTo(exitCode);
    }

    @Test
    void aProblemIsPrintedAsTitleAndDetailOnStderr() {
        server.onFixture("GET", TASK, 404, "problems/task-not-found.json");

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817");

        assertThat(result.err()).startsWith("error: Task not found: no task 'ticket-0000'\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void inJsonModeTheProblemGoesToStdoutAsWell() {
        server.onFixture("GET", TASK, 404, "problems/task-not-found.json");

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("\"code\" : \"TaskNotFound\"");
        assertThat(result.err()).contains("error: Task not found");
    }

    @Test
    void aBadOptionExitsWith2AndSuggestsTheRightOne() {
        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817", "--outptu", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option").contains("--output").contains("--help");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnknownCommandExitsWith2() {
        Cli.Result result = cli.run("aprove", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("approve");
    }

    @Test
    void noCommandAtAllPrintsUsageAndExitsWith2() {
        Cli.Result result = cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: countersign").contains("Exit codes:");
    }

    @Test
    void anUnreachableServerExitsWith1AndSaysWhatToCheck() {
        String url = server.url();
        server.close();

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817", "--server", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("cannot reach " + url).contains("--server (or COUNTERSIGN_SERVER)");
        assertThat(cli.sleeps()).hasSize(2); // a read is tried three times
    }

    @Test
    void aServerThatDoesNotAnswerInTimeExitsWith1() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            String url = "http://127.0.0.1:" + silent.getAddress().getPort();

            Cli.Result result = cli.requestTimeout(Duration.ofMillis(100))
                    .runWithConfig("tasks", "show", "ticket-9817", "--server", url);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains(url + " did not answer within");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void aGatewayErrorThatPersistsIsReportedByItsStatus() {
        server.on("GET", TASK, Answer.of(502, "<html>bad gateway</html>"));

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: HTTP 502 Bad Gateway");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aRedirectIsNotFollowedWithTheCredentials() {
        server.on("GET", TASK, new Answer(301, "", Map.of("Location", "https://countersign.example/api/tasks")));

        Cli.Result result = cli.runWithConfig("tasks", "show", "ticket-9817");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("redirect (301) to https://countersign.example/api/tasks");
        assertThat(server.requests()).hasSize(1);
    }
}
