package dev.countersign.cli.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.cli.testing.Cli;
import dev.countersign.cli.testing.FakeServer;
import dev.countersign.cli.testing.FakeServer.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** approve-all reads every page of the inbox and approves one rule's approvals in bulk requests. */
class ApproveAllTest {

    static final String BULK = "/api/approvals/decisions";

    @TempDir
    Path home;

    FakeServer server;
    Cli cli;

    @BeforeEach
    void twoPagesOfInbox() {
        server = FakeServer.start();
        server.on(
                "GET",
                "/api/approvals?limit=500",
                new Answer(
                        200,
                        "[" + row("t-1.a2", "medium-refunds", "sha256:one") + ","
                                + row("t-2.a2", "large-refunds", "sha256:two") + "]",
                        Map.of("Link", "</api/approvals?limit=500&pageToken=p2>; rel=\"next\"")));
        server.on(
                "GET",
                "/api/approvals?limit=500&pageToken=p2",
                200,
                "[" + row("t-3.a2", "medium-refunds", "sha256:three") + "]");
        cli = new Cli(home).loggedIn(server.url(), "alice", "demo");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutYesItOnlyCountsWhatItWouldApprove() {
        Cli.Result result = cli.runWithConfig("approve-all", "--rule", "medium-refunds");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("2 approvals of rule medium-refunds wait for you; run again with --yes");
        assertThat(server.requests("POST", BULK)).isEmpty();
    }

    @Test
    void withYesTheRulesApprovalsOfEveryPageAreSentBoundToTheirDigests() {
        server.on("POST", BULK, 200, """
                {"results":[{"approvalId":"t-1.a2","recorded":true,"state":"APPROVED"},
                 {"approvalId":"t-3.a2","recorded":false,"problem":{"status":409,"code":"ApprovalAlreadyDecided",
                  "detail":"approval t-3.a2 was already decided"}}],"recorded":1,"refused":1}
                """);

        Cli.Result result = cli.runWithConfig("approve-all", "--rule", "medium-refunds", "--yes", "-c", "checked");

        assertThat(result.exitCode()).as("a refusal of 409 is a conflict").isEqualTo(5);
        assertThat(result.out()).contains("approved rule medium-refunds: 1 of 2 recorded, 1 refused");
        assertThat(result.err())
                .contains("refused t-3.a2: ApprovalAlreadyDecided: approval t-3.a2 was already decided");
        FakeServer.Recorded sent = server.requests("POST", BULK).get(0);
        assertThat(sent.header("Idempotency-Key")).isNotBlank();
        JsonNode body = sent.json();
        assertThat(body.path("decision").asText()).isEqualTo("approve");
        assertThat(body.path("comment").asText()).isEqualTo("checked");
        assertThat(body.path("approvals")).hasSize(2);
        assertThat(body.path("approvals").get(0).path("approvalId").asText()).isEqualTo("t-1.a2");
        assertThat(body.path("approvals").get(1).path("argsDigest").asText()).isEqualTo("sha256:three");
    }

    @Test
    void aRuleWithNothingPendingSaysSo() {
        Cli.Result result = cli.runWithConfig("approve-all", "--rule", "other", "--yes");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("nothing to approve: no pending approval of rule other waits for you");
        assertThat(server.requests("POST", BULK)).isEmpty();
    }

    @Test
    void inboxAllFollowsTheNextLinks() {
        Cli.Result result = cli.runWithConfig("inbox", "--all", "--output", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("t-1.a2").contains("t-2.a2").contains("t-3.a2");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void inboxWithoutAllShowsTheFirstPageAndSaysMoreWait() {
        server.on(
                "GET",
                "/api/approvals",
                new Answer(
                        200,
                        "[" + row("t-1.a2", "medium-refunds", "sha256:one") + "]",
                        Map.of("Link", "</api/approvals?limit=50&pageToken=p2>; rel=\"next\"")));

        Cli.Result result = cli.runWithConfig("inbox");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("t-1.a2")
                .contains("more approvals wait beyond these: run `countersign inbox --all`");
    }

    private static String row(String approvalId, String rule, String digest) {
        return """
                {"approvalId":"%s","taskId":"%s","tool":"issue_refund","args":{"amount":250},"argsDigest":"%s",
                 "rule":"%s","requester":"dave","approvals":0,"required":1,"requestedAt":"2026-03-01T09:00:00Z"}
                """.formatted(approvalId, approvalId.substring(0, approvalId.indexOf('.')), digest, rule);
    }
}
