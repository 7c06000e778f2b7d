package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a personal API token, over REST or through the CLI, the rules are those of a password: a
 * requester never approves their own task, and a reviewer decides only for their own groups.
 */
class DecisionsFollowGroupsWhateverTheCredentialsTest extends AcceptanceTest {

    @Test
    void requesterCannotApproveTheirOwnRefundWithATokenNorThroughTheCli() {
        String daves = token("dave");
        String taskId = desk.startRefund("dave", "A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        anonymous
                .bearer(daves)
                .post("/api/approvals/" + approvalId + "/decision", SupportDesk.decision("approve", digest))
                .problem(403, "RequesterCannotDecide");
        CliRunner.Run cli = CliRunner.against(port).loggedInWithToken(daves).run("approve", approvalId);

        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("another reviewer must decide");
        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }

    @Test
    void financeReviewerCannotDecideASupportLeadsRefundWithAToken() {
        String bobs = token("bob");
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        // bob's token carries finance, which this refund's policy never named: he may not even read it.
        anonymous
                .bearer(bobs)
                .post("/api/approvals/" + approvalId + "/decision", SupportDesk.decision("approve", digest))
                .problem(404, "ApprovalNotFound");
        CliRunner.Run cli = CliRunner.against(port).loggedInWithToken(bobs).run("reject", approvalId, "--reason", "x");

        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(anonymous.bearer(bobs).get("/api/approvals").ok(200).toString())
                .doesNotContain(approvalId);
        assertThat(desk.inbox("alice")).contains(approvalId);
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    @Test
    void supportLeadCannotDecideAFinanceRefundWithAToken() {
        String alices = token("alice");
        String taskId = desk.startRefund("Z-5000", "5000", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        anonymous
                .bearer(alices)
                .post("/api/approvals/" + approvalId + "/decision", SupportDesk.decision("approve", digest))
                .problem(404, "ApprovalNotFound");

        assertThat(desk.as("bob")
                        .get("/api/approvals/" + approvalId)
                        .ok(200)
                        .path("approvals")
                        .asInt())
                .isZero();
        desk.decide("bob", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId)).isEmpty();
    }

    private String token(String user) {
        return desk.as(user)
                .post("/api/tokens", Map.of("name", user + "-" + System.nanoTime()))
                .ok(201)
                .path("secret")
                .asString();
    }
}
