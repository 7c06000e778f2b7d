package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A reviewer creates a personal API token, the real CLI works with it, and once revoked the CLI is
 * refused with exit 3 and told to log in again; the server keeps only the token's hash.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiTokensWithTheCliTest extends AcceptanceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void reviewerApprovesThroughTheCliWithATokenAndTheServerKeepsOnlyItsHash(CapturedOutput output) throws Exception {
        JsonNode created = desk.as("alice")
                .post("/api/tokens", Map.of("name", "alice-laptop", "lifetime", "P30D"))
                .ok(201);
        String secret = created.path("secret").asString();
        String tokenId = created.path("info").path("id").asString();
        CliRunner cli = CliRunner.against(port).loggedInWithToken(secret);
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        desk.awaitApproval(approvalId);

        CliRunner.Run inbox = cli.run("inbox");
        CliRunner.Run approved = cli.run("approve", approvalId, "--comment", "statement checked");

        assertThat(inbox.out()).contains(approvalId);
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        JsonNode task = desk.awaitStatus(taskId, "COMPLETED");
        assertThat(SupportDesk.action(task, "a2")
                        .path("decisions")
                        .get(0)
                        .path("reviewer")
                        .asString())
                .isEqualTo("alice");
        List<Map<String, Object>> rows = JdbcClient.create(dataSource)
                .sql("SELECT * FROM countersign_api_token WHERE id = ?")
                .param(tokenId)
                .query()
                .listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("SECRET_HASH")).isEqualTo(sha256(secret));
            assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(secret));
            assertThat(row.get("LAST_USED_AT")).isNotNull();
        });
        assertThat(desk.as("alice").get("/api/tokens").ok(200).toString()).doesNotContain(secret);
        assertThat(inbox.out() + inbox.err() + approved.out() + approved.err()).doesNotContain(secret);
        assertThat(output.getAll()).contains("API token " + tokenId).doesNotContain(secret);
    }

    @Test
    void revokedTokenIsRefusedByTheCliWithExit3AndASayWhatToDo(CapturedOutput output) {
        JsonNode created =
                desk.as("bob").post("/api/tokens", Map.of("name", "bob-ci")).ok(201);
        String secret = created.path("secret").asString();
        String tokenId = created.path("info").path("id").asString();
        CliRunner cli = CliRunner.against(port).loggedInWithToken(secret);
        assertThat(cli.run("inbox").exitCode()).isZero();

        desk.as("bob").delete("/api/tokens/" + tokenId).ok(204);
        CliRunner.Run refused = cli.run("inbox");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err())
                .contains("the API token 'bob-ci' was revoked")
                .contains("countersign login")
                .doesNotContain(secret);
        CliRunner.Run loginAgain = cli.withStdin(secret + "\n", "login", "--server", cli.server(), "--token-stdin");
        assertThat(loginAgain.exitCode()).isEqualTo(3);
        assertThat(loginAgain.err()).contains("nothing was stored").contains("revoked");
        assertThat(output.getAll())
                .contains("API token " + tokenId + " of 'bob' was revoked by 'bob'")
                .doesNotContain(secret);
    }

    @Test
    void passwordLoginsAndTokensLiveSideBySide() {
        String secret = desk.as("carol")
                .post("/api/tokens", Map.of("name", "carol-phone"))
                .ok(201)
                .path("secret")
                .asString();

        assertThat(CliRunner.against(port).loggedInAs("carol").run("inbox").exitCode())
                .isZero();
        assertThat(anonymous.bearer(secret).get("/api/approvals").status()).isEqualTo(200);
        anonymous.bearer(secret).post("/api/tokens", Map.of("name", "child")).problem(403, "TokenCannotCreateTokens");
    }

    @Test
    void passwordLoginStoresAPersonalTokenNamedForTheMachineAndLogoutRevokesIt() throws Exception {
        CliRunner cli = CliRunner.against(port);

        CliRunner.Run login = cli.run("login", "--server", cli.server(), "--user", "frank", "--token-lifetime", "P7D");

        assertThat(login.exitCode()).as(login.err()).isZero();
        assertThat(login.out()).contains("as frank with a personal API token").contains("password was not stored");
        String stored = Files.readString(cli.configFile());
        assertThat(stored).doesNotContain(ApiClient.PASSWORD);
        String tokenId = new ObjectMapper().readTree(stored).path("tokenId").asString();
        JsonNode issued = token(tokenId);
        assertThat(issued.path("name").asString()).startsWith("countersign CLI on ");
        assertThat(Duration.between(
                        Instant.parse(issued.path("createdAt").asString()),
                        Instant.parse(issued.path("expiresAt").asString())))
                .isEqualTo(Duration.ofDays(7));
        assertThat(cli.run("inbox").exitCode()).isZero();
        assertThat(token(tokenId).path("lastUsedAt").isString())
                .as("used by the inbox")
                .isTrue();

        CliRunner.Run logout = cli.run("logout");

        assertThat(logout.out()).contains("revoked the API token " + tokenId);
        assertThat(token(tokenId).path("revokedBy").asString()).isEqualTo("frank");
    }

    private JsonNode token(String tokenId) {
        for (JsonNode token : desk.as("frank").get("/api/tokens").ok(200)) {
            if (token.path("id").asString().equals(tokenId)) {
                return token;
            }
        }
        throw new AssertionError("frank has no token " + tokenId);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
