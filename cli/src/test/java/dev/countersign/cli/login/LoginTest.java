package dev.countersign.cli.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {

    private static final String ISSUED = """
            {"info":{"id":"tok1","owner":"alice","name":"countersign CLI on here","createdAt":"2026-12-07T09:00:00Z",
                     "expiresAt":"2027-01-06T09:00:00Z"},
             "secret":"cs_issued_secret"}
            """;

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = FakeServer.start();
        cli = new Cli(home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPasswordIsExchangedForAPersonalTokenAndOnlyTheTokenIsStoredInAFileOnlyTheOwnerCanRead() throws IOException {
        server.on("POST", "/api/tokens", 201, ISSUED);

        Cli.Result result = cli.stdin("demo\n")
                .run(
                        "login",
                        "--server",
                        server.url(),
                        "--user",
                        "alice",
                        "--password-stdin",
                        "--config",
                        home.resolve("conf/countersign/config.json").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("logged in to " + server.url() + " as alice with a personal API token")
                .contains("expires 2027-01-06T09:00:00Z")
                .contains("your password was not stored")
                .doesNotContain("cs_issued_secret");
        Path config = home.resolve("conf/countersign/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent())))
                .isEqualTo("rwx------");
        JsonNode stored = new ObjectMapper().readTree(config.toFile());
        assertThat(stored.get("server").asText()).isEqualTo(server.url());
        assertThat(stored.get("token").asText()).isEqualTo("cs_issued_secret");
        assertThat(stored.get("tokenId").asText()).isEqualTo("tok1");
        assertThat(stored.has("password")).isFalse();
        assertThat(Files.readString(config)).doesNotContain("demo");
        FakeServer.Recorded exchange = server.requests("POST", "/api/tokens").get(0);
        assertThat(exchange.header("Authorization")).isEqualTo("Basic YWxpY2U6ZGVtbw==");
        assertThat(exchange.json().get("name").asText()).startsWith("countersign CLI on ");
        assertThat(exchange.json().get("lifetime").asText()).isEqualTo("P30D");
    }

    @Test
    void laterCommandsSendTheIssuedTokenNotThePassword() {
        server.on("POST", "/api/tokens", 201, ISSUED);
        server.on("GET", "/api/approvals", 200, "[]");
        cli.stdin("demo").runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        Cli.Result inbox = cli.runWithConfig("inbox");

        assertThat(inbox.exitCode()).as(inbox.err()).isZero();
        assertThat(server.requests("GET", "/api/approvals"))
                .extracting(request -> request.header("Authorization"))
                .containsOnly("Bearer cs_issued_secret");
    }

    @Test
    void theTokenLifetimeIsTheCallersAndOneTheServerRefusesSaysHowToWriteIt() {
        server.on("POST", "/api/tokens", 400, """
                {"title":"Bad request","status":400,"detail":"lifetime must be an ISO-8601 duration","code":"BadRequest"}
                """);

        Cli.Result result = cli.stdin("demo")
                .runWithConfig(
                        "login",
                        "--server",
                        server.url(),
                        "--user",
                        "alice",
                        "--password-stdin",
                        "--token-lifetime",
                        "a week");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("ISO-8601").contains("P30D");
        assertThat(server.requests("POST", "/api/tokens")
                        .get(0)
                        .json()
                        .get("lifetime")
                        .asText())
                .isEqualTo("a week");
        assertThat(cli.config()).doesNotExist();
    }

    @Test
    void aServerWithoutTokensSaysToStoreThePassword() {
        Cli.Result result = cli.stdin("demo")
                .runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("--store-password");
        assertThat(cli.config()).doesNotExist();
    }

    @Test
    void storePasswordKeepsHttpBasicForScripts() throws IOException {
        server.on("GET", "/api/approvals", 200, "[]");

        Cli.Result result = cli.stdin("demo")
                .runWithConfig(
                        "login", "--server", server.url(), "--user", "alice", "--password-stdin", "--store-password");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("logged in to " + server.url() + " as alice");
        JsonNode stored = new ObjectMapper().readTree(cli.config().toFile());
        assertThat(stored.get("user").asText()).isEqualTo("alice");
        assertThat(stored.get("password").asText()).isEqualTo("demo");
        assertThat(stored.has("token")).isFalse();
        assertThat(server.requests("POST", "/api/tokens")).isEmpty();
        assertThat(server.requests("GET", "/api/approvals").get(0).header("Authorization"))
                .isEqualTo("Basic YWxpY2U6ZGVtbw==");
    }

    @Test
    void storePasswordWithATokenIsAUsageError() {
        Cli.Result result = cli.runWithConfig("login", "--server", server.url(), "--token", "cs_x", "--store-password");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--store-password goes with --user");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void loggingInAgainRevokesTheTokenOfThePreviousLogin() {
        server.on(
                "POST",
                "/api/tokens",
                FakeServer.Answer.of(201, ISSUED),
                FakeServer.Answer.of(201, ISSUED.replace("tok1", "tok2").replace("cs_issued_secret", "cs_second")));
        server.on("DELETE", "/api/tokens/tok1", 204, "");
        cli.stdin("demo").runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        Cli.Result again = cli.stdin("demo")
                .runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(server.requests("DELETE", "/api/tokens/tok1"))
                .singleElement()
                .satisfies(revoke -> assertThat(revoke.header("Authorization")).isEqualTo("Bearer cs_second"));
    }

    @Test
    void logoutRevokesTheIssuedTokenBeforeForgettingIt() {
        server.on("POST", "/api/tokens", 201, ISSUED);
        server.on("DELETE", "/api/tokens/tok1", 204, "");
        cli.stdin("demo").runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        Cli.Result result = cli.runWithConfig("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("revoked the API token tok1").contains("logged out");
        assertThat(server.requests("DELETE", "/api/tokens/tok1"))
                .singleElement()
                .satisfies(revoke -> assertThat(revoke.header("Authorization")).isEqualTo("Bearer cs_issued_secret"));
        assertThat(cli.config()).doesNotExist();
    }

    @Test
    void logoutForgetsTheTokenEvenWhenTheServerCannotRevokeIt() {
        server.on("POST", "/api/tokens", 201, ISSUED);
        server.on("DELETE", "/api/tokens/tok1", 401, """
                {"title":"Invalid token","status":401,"detail":"the API token expired","code":"InvalidToken"}
                """);
        cli.stdin("demo").runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        Cli.Result result = cli.runWithConfig("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("was not revoked").contains("expires by itself");
        assertThat(cli.config()).doesNotExist();
    }

    @Test
    void refusedCredentialsExitWith3AndStoreNothing() {
        server.onFixture("POST", "/api/tokens", 401, "problems/unauthenticated.json");

        Cli.Result result = cli.stdin("wrong")
                .runWithConfig("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains("refused the credentials as alice; nothing was stored")
                .contains("run `countersign login` again");
        assertThat(cli.config()).doesNotExist();
    }

    @Test
    void passwordComesFromTheEnvironmentWhenNotPipedIn() {
        server.on("POST", "/api/tokens", 201, ISSUED);

        Cli.Result result = cli.env("COUNTERSIGN_PASSWORD", "s3cret")
                .runWithConfig("login", "--server", server.url(), "--user", "bob");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Basic Ym9iOnMzY3JldA==");
    }

    @Test
    void passwordIsPromptedForWhenNeitherPipedNorInTheEnvironment() {
        server.on("POST", "/api/tokens", 201, ISSUED);

        Cli.Result result =
                cli.typedPassword("demo").runWithConfig("login", "--server", server.url(), "--user", "carol");

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Basic Y2Fyb2w6ZGVtbw==");
    }

    @Test
    void withoutAnyPasswordSourceLoginIsAUsageError() {
        Cli.Result result = cli.runWithConfig("login", "--server", server.url(), "--user", "carol");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no password").contains("--password-stdin");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aTokenIsStoredAndSentAsABearerToken() throws IOException {
        server.on("GET", "/api/approvals", 200, "[]");

        Cli.Result login = cli.runWithConfig("login", "--server", server.url(), "--token", "cs_abc123");
        Cli.Result inbox = cli.runWithConfig("inbox");

        assertThat(login.exitCode()).isZero();
        assertThat(login.out()).contains("with an API token");
        JsonNode stored = new ObjectMapper().readTree(cli.config().toFile());
        assertThat(stored.get("token").asText()).isEqualTo("cs_abc123");
        assertThat(stored.has("password")).isFalse();
        assertThat(inbox.exitCode()).isZero();
        assertThat(server.requests())
                .extracting(request -> request.header("Authorization"))
                .containsOnly("Bearer cs_abc123");
    }

    @Test
    void aUserAndATokenTogetherAreAUsageError() {
        Cli.Result result = cli.runWithConfig("login", "--server", server.url(), "--user", "alice", "--token", "t");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("either --user NAME or --token TOKEN");
    }

    @Test
    void withoutConfigOptionTheFileGoesUnderXdgConfigHome() {
        server.on("POST", "/api/tokens", 201, ISSUED);
        Path xdg = home.resolve("xdg");

        Cli.Result result = cli.env("XDG_CONFIG_HOME", xdg.toString())
                .stdin("demo")
                .run("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(xdg.resolve("countersign/config.json")).exists();
    }

    @Test
    void withoutXdgConfigHomeTheFileGoesUnderDotConfig() {
        server.on("POST", "/api/tokens", 201, ISSUED);

        Cli.Result result =
                cli.stdin("demo").run("login", "--server", server.url(), "--user", "alice", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(home.resolve(".config/countersign/config.json")).exists();
    }

    @Test
    void loggingInAgainReplacesTheStoredCredentialsAndKeepsThemPrivate() throws IOException {
        server.on("POST", "/api/tokens", 201, ISSUED);
        cli.loggedIn(server.url(), "alice", "old");

        Cli.Result result = cli.stdin("new").runWithConfig("login", "--user", "bob", "--password-stdin");

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(cli.config()))
                .contains("\"bob\"")
                .contains("cs_issued_secret")
                .doesNotContain("old")
                .doesNotContain("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.config())))
                .isEqualTo("rw-------");
    }

    @Test
    void logoutRemovesTheStoredCredentials() {
        cli.loggedIn(server.url(), "alice", "demo");

        Cli.Result result = cli.runWithConfig("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("logged out");
        assertThat(cli.config()).doesNotExist();
        assertThat(cli.runWithConfig("inbox").err()).contains("not logged in").contains("countersign login");
    }

    @Test
    void aTokenPipedInIsStoredAndSentAsABearerToken() throws IOException {
        server.on("GET", "/api/approvals", 200, "[]");

        Cli.Result login = cli.stdin("cs_0123456789abcdef_secret\n")
                .runWithConfig("login", "--server", server.url(), "--token-stdin");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("with an API token").doesNotContain("secret");
        JsonNode stored = new ObjectMapper().readTree(cli.config().toFile());
        assertThat(stored.get("token").asText()).isEqualTo("cs_0123456789abcdef_secret");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer cs_0123456789abcdef_secret");
    }

    @Test
    void aPipedTokenWithAUserIsAUsageError() {
        Cli.Result result =
                cli.stdin("cs_x").runWithConfig("login", "--server", server.url(), "--user", "alice", "--token-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anEmptyPipedTokenIsAUsageError() {
        Cli.Result result = cli.stdin("\n").runWithConfig("login", "--server", server.url(), "--token-stdin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("standard input held no API token");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRevokedTokenExitsWith3SayingWhatTheServerSaidAndHowToGetANewOne() {
        server.on("GET", "/api/approvals", 401, """
                {"type":"https://countersign.dev/problems/invalid-token","title":"Invalid token","status":401,
                 "detail":"the API token 'laptop' was revoked at 2026-11-25T07:00:00Z","code":"InvalidToken"}
                """);

        Cli.Result result = cli.runWithConfig("login", "--server", server.url(), "--token", "cs_revoked");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains("nothing was stored")
                .contains("the API token 'laptop' was revoked")
                .contains("countersign login --token-stdin")
                .doesNotContain("cs_revoked");
        assertThat(cli.config()).doesNotExist();
    }
}
