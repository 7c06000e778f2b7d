package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenericWebhookIsSignedTest {

    private static final String SECRET = "s3cr3t-shared-with-the-receiver";

    private final WebhookReceiver receiver = new WebhookReceiver();

    GenericWebhookIsSignedTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void receiverVerifiesTheSignatureOfTheExactBody() {
        WebhookTarget target = new WebhookTarget("finance", receiver.url("/hook"), WebhookFormat.GENERIC, SECRET);

        try (ActivityHarness harness = new ActivityHarness(List.of(target))) {
            harness.notifier.notifyReviewers(Notifications.requested("finance"));
        }

        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header(HmacSignature.HEADER)).startsWith("sha256=");
        assertThat(HmacSignature.verify(request.body(), SECRET, request.header(HmacSignature.HEADER)))
                .isTrue();
        assertThat(HmacSignature.verify(request.body(), "another secret", request.header(HmacSignature.HEADER)))
                .isFalse();
    }

    @Test
    void bodyCarriesThePendingApprovalAndAConsoleLink() throws Exception {
        WebhookTarget target = new WebhookTarget("finance", receiver.url("/hook"), WebhookFormat.GENERIC, SECRET);

        try (ActivityHarness harness = new ActivityHarness(List.of(target))) {
            harness.notifier.notifyReviewers(Notifications.requested("finance"));
        }

        JsonNode body = new ObjectMapper().readTree(receiver.received().get(0).body());
        assertThat(body.get("event").asText()).isEqualTo("approval_requested");
        assertThat(body.get("approvalId").asText()).isEqualTo("t-42.a-3");
        assertThat(body.get("taskId").asText()).isEqualTo("t-42");
        assertThat(body.get("actionId").asText()).isEqualTo("a-3");
        assertThat(body.get("tool").asText()).isEqualTo("refund_payment");
        assertThat(body.get("args").get("amount").asInt()).isEqualTo(250);
        assertThat(body.get("args").get("order_id").asText()).isEqualTo("A-17");
        assertThat(body.get("argsDigest").asText()).isEqualTo("d1g3st");
        assertThat(body.get("rationale").asText()).isEqualTo("the parcel never arrived");
        assertThat(body.get("confidence").asDouble()).isEqualTo(0.62);
        assertThat(body.get("rule").asText()).isEqualTo("refunds-over-100");
        assertThat(body.get("tier").asText()).isEqualTo("manager");
        assertThat(body.get("groups").get(0).asText()).isEqualTo("finance");
        assertThat(body.get("required").asInt()).isEqualTo(1);
        assertThat(body.get("approvals").asInt()).isZero();
        assertThat(body.get("requester").asText()).isEqualTo("alice");
        assertThat(body.get("requestedAt").asText()).isEqualTo("2025-06-01T08:00:00Z");
        assertThat(body.get("escalatesAt").asText()).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(body.get("reason").asText()).isEmpty();
        assertThat(body.get("links").get("approval").asText())
                .isEqualTo("https://countersign.example.com/approvals/t-42.a-3");
    }

    @Test
    void deliveryIdNamesTheApprovalTheEventAndTheTier() throws Exception {
        WebhookTarget target = new WebhookTarget("directors", receiver.url("/hook"), WebhookFormat.GENERIC, SECRET);

        try (ActivityHarness harness = new ActivityHarness(List.of(target))) {
            harness.notifier.notifyReviewers(Notifications.escalated("nobody decided within PT4H", "directors"));
        }

        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.header("X-Countersign-Delivery")).isEqualTo("t-42.a-3/escalated/director");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("event").asText()).isEqualTo("escalated");
        assertThat(body.get("reason").asText()).isEqualTo("nobody decided within PT4H");
    }
}
