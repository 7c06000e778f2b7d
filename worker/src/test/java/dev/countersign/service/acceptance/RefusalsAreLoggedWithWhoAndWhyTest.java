package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Each refused request leaves one log line that says who asked, for what, and why it was refused. */
@ExtendWith(OutputCaptureExtension.class)
class RefusalsAreLoggedWithWhoAndWhyTest extends AcceptanceTest {

    @Test
    void wrongPasswordIsLoggedWithTheUserButNotThePassword(CapturedOutput output) {
        anonymous
                .withCredentials("alice", "guessed-wrong")
                .get("/api/approvals")
                .problem(401, "Unauthenticated");

        assertThat(output.getAll())
                .contains("authentication failed for user 'alice'")
                .contains("refused GET /api/approvals with 401")
                .doesNotContain("guessed-wrong");
    }

    @Test
    void missingGroupIsLoggedWithTheUserAndTheAuthorityNeeded(CapturedOutput output) {
        desk.as("dave").get("/actuator/prometheus").problem(403, "AccessDenied");

        assertThat(output.getAll())
                .contains("refused GET /actuator/prometheus for 'dave' with 403: needs one of the authorities"
                        + " [GROUP_operators]");
    }

    @Test
    void refusedDecisionIsLoggedWithTheReviewerAndTheReason(CapturedOutput output) {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String approvalId = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(approvalId).path("argsDigest").asString();

        desk.decide("olga", approvalId, SupportDesk.decision("approve", digest)).problem(403, "NotAnApprover");

        assertThat(output.getAll())
                .contains("refused POST /api/approvals/" + approvalId + "/decision for 'olga' with 403 NotAnApprover");
        desk.decide("alice", approvalId, SupportDesk.decision("reject", digest, "test clean-up"))
                .ok(200);
    }

    @Test
    void nonStarterIsLoggedWithTheUserAndTheGroupsNeeded(CapturedOutput output) {
        desk.as("alice")
                .post("/api/tasks", SupportDesk.refundTask(SupportDesk.uniqueTaskId("by-alice"), "A-1", "5", "USD"))
                .problem(403, "NotARequester");

        assertThat(output.getAll()).contains("for 'alice' with 403 NotARequester");
    }
}
