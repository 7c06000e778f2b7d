package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.approval.PendingApproval;
import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.ReviewerNotification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackWebhookLinksToTheConsoleTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    SlackWebhookLinksToTheConsoleTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    private JsonNode send(ReviewerNotification notification) throws Exception {
        WebhookTarget slack = new WebhookTarget(
                notification.approval().groups().get(0), receiver.url("/services/T1/B2/x"), WebhookFormat.SLACK, "k");
        try (ActivityHarness harness = new ActivityHarness(List.of(slack))) {
            harness.notifier.notifyReviewers(notification);
        }
        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(HmacSignature.verify(request.body(), "k", request.header(HmacSignature.HEADER)))
                .isTrue();
        return new ObjectMapper().readTree(request.body());
    }

    @Test
    void textSaysWhoMustDecideWhatUnderWhichRuleByWhen() throws Exception {
        JsonNode body = send(Notifications.requested("finance"));

        assertThat(body.get("text").asText())
                .isEqualTo("Approval requested: finance must decide on refund_payment (order_id=A-17, amount=250)"
                        + " for task t-42 · rule refunds-over-100, tier manager, 0 of 1 approvals,"
                        + " decide by 2025-06-01T12:00:00Z");
    }

    @Test
    void buttonsOpenTheApprovalInTheConsoleToApproveOrReject() throws Exception {
        JsonNode blocks = send(Notifications.requested("finance")).get("blocks");

        assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).get("text").get("text").asText())
                .contains("finance must decide on `refund_payment`")
                .contains("order_id=A-17, amount=250")
                .contains("the parcel never arrived");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("context");
        JsonNode actions = blocks.get(2);
        assertThat(actions.get("type").asText()).isEqualTo("actions");
        assertThat(actions.get("elements")).hasSize(2);
        JsonNode approve = actions.get("elements").get(0);
        JsonNode reject = actions.get("elements").get(1);
        assertThat(approve.get("type").asText()).isEqualTo("button");
        assertThat(approve.get("text").get("text").asText()).isEqualTo("Approve");
        assertThat(approve.get("url").asText())
                .isEqualTo("https://countersign.example.com/approvals/t-42.a-3?decision=approve");
        assertThat(reject.get("type").asText()).isEqualTo("button");
        assertThat(reject.get("text").get("text").asText()).isEqualTo("Reject");
        assertThat(reject.get("url").asText())
                .isEqualTo("https://countersign.example.com/approvals/t-42.a-3?decision=reject");
    }

    @Test
    void escalationSaysWhyItReachesThisTierNow() throws Exception {
        JsonNode body = send(Notifications.escalated("nobody decided within PT4H in tier manager", "directors"));

        assertThat(body.get("text").asText())
                .startsWith("Escalated: directors must decide on refund_payment")
                .endsWith("· nobody decided within PT4H in tier manager");
    }

    @Test
    void agentTextCannotMentionAChannel() throws Exception {
        PendingApproval refund = Notifications.refund("manager", List.of("finance"));
        PendingApproval shouting = new PendingApproval(
                refund.approvalId(),
                refund.taskId(),
                refund.actionId(),
                refund.tool(),
                Map.of("note", "<!channel> pay now & <https://evil.example|click>"),
                refund.argsDigest(),
                "<!here> urgent",
                refund.confidence(),
                refund.tags(),
                refund.requester(),
                refund.rule(),
                refund.policyHash(),
                refund.tier(),
                refund.groups(),
                refund.required(),
                refund.approvals(),
                refund.approvers(),
                refund.requestedAt(),
                refund.escalatesAt());

        JsonNode body = send(new ReviewerNotification(NotificationKind.APPROVAL_REQUESTED, shouting, ""));

        assertThat(body.toString()).doesNotContain("<!channel>", "<!here>", "<https://evil");
        assertThat(body.get("text").asText())
                .contains("&lt;!channel&gt; pay now &amp; &lt;https://evil.example|click&gt;");
    }
}
