package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Criterion 6: "request changes" sends the call back to the agent, which proposes a new one. */
class RequestedChangesLeadToANewProposalTest extends AcceptanceTest {

    @Test
    void agentReproposesTheAmountTheReviewerAskedFor() {
        String taskId = desk.startRefund("A-1", "250", "USD");
        String firstApproval = SupportDesk.refundApproval(taskId);
        String digest = desk.awaitApproval(firstApproval).path("argsDigest").asString();

        JsonNode decided = desk.decide(
                        "alice", firstApproval, SupportDesk.decision("request_changes", digest, "refund 120 instead"))
                .ok(200);

        assertThat(decided.path("state").asString()).isEqualTo("CHANGES_REQUESTED");
        JsonNode task = desk.awaitTask(
                taskId,
                "a new pending approval",
                view -> "AWAITING_APPROVAL".equals(view.path("status").asString())
                        && !firstApproval.equals(view.path("pendingApprovalId").asString()));
        String secondApproval = task.path("pendingApprovalId").asString();
        JsonNode pending = task.path("pendingApproval");
        assertThat(secondApproval).startsWith(taskId + ".").isNotEqualTo(firstApproval);
        assertThat(pending.path("tool").asString()).isEqualTo("issue_refund");
        assertThat(SupportDesk.amount(pending.path("args"))).isEqualByComparingTo("120");
        assertThat(SupportDesk.action(task, "a2").path("state").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(desk.inbox("alice")).contains(secondApproval).doesNotContain(firstApproval);
        assertThat(desk.refunds(taskId)).isEmpty();

        desk.decide(
                        "alice",
                        secondApproval,
                        SupportDesk.decision(
                                "approve", pending.path("argsDigest").asString()))
                .ok(200);

        desk.awaitStatus(taskId, "COMPLETED");
        assertThat(desk.refunds(taskId))
                .singleElement()
                .satisfies(row -> assertThat(SupportDesk.amount(row)).isEqualByComparingTo("120"));
    }
}
