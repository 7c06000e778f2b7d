package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Criterion 8, first part: every API call needs valid HTTP Basic credentials. */
class CallersMustAuthenticateTest extends AcceptanceTest {

    private static final String CHALLENGE = "Basic realm=\"countersign\"";

    @Test
    void callWithoutCredentialsIsChallenged() {
        Reply reply = anonymous.get("/api/tasks");

        reply.problem(401, "Unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(reply.header("Set-Cookie")).isEmpty();
    }

    @Test
    void wrongPasswordIsChallenged() {
        Reply reply = anonymous.withCredentials("alice", "not-her-password").get("/api/approvals");

        reply.problem(401, "Unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void unknownUserIsChallenged() {
        Reply reply = anonymous.withCredentials("mallory", ApiClient.PASSWORD).get("/api/tasks");

        reply.problem(401, "Unauthenticated");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void decisionWithoutCredentialsChangesNothing() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        anonymous
                .post("/api/approvals/" + approvalId + "/decision", SupportDesk.decision("approve", digest))
                .problem(401, "Unauthenticated");
        anonymous
                .withCredentials("alice", "wrong")
                .post("/api/approvals/" + approvalId + "/decision", SupportDesk.decision("approve", digest))
                .problem(401, "Unauthenticated");

        assertThat(desk.as("alice")
                        .get("/api/approvals/" + approvalId)
                        .ok(200)
                        .path("approvals")
                        .asInt())
                .isZero();
        assertThat(desk.task(taskId).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }
}
