package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
