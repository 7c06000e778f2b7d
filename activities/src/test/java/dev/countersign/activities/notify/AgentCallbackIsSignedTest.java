package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countersign.notify.AgentCallback;
import dev.countersign.notify.NotificationReceipt;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentCallbackIsSignedTest {

    private static final String SECRET = "callback-secret-shared-with-the-agent";

    private final WebhookReceiver receiver = new WebhookReceiver();

    AgentCallbackIsSignedTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    private AgentCallbacks allowingTheReceiver() {
        return new AgentCallbacks(List.of("127.0.0.1:" + receiver.url("/").getPort()), SECRET);
    }

    private static AgentCallback rollback(URI url) {
        return new AgentCallback(
                url.toString(),
                "gate-7",
                "a1",
                "issue_refund",
                AgentCallback.ROLLBACK_REQUESTED,
                "alice",
                "wrong customer",
                Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void theAgentVerifiesTheSignatureOfTheExactBodyWithTheCallbackSecret() throws Exception {
        URI url = receiver.url("/countersign/hook");

        NotificationReceipt receipt;
        try (ActivityHarness harness = new ActivityHarness(allowingTheReceiver())) {
            receipt = harness.notifier.notifyAgent(rollback(URI.create(url + "?token=t0k3n")));
        }

        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.path()).isEqualTo("/countersign/hook");
        assertThat(request.query()).isEqualTo("token=t0k3n");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(HmacSignature.verify(request.body(), SECRET, request.header(HmacSignature.HEADER)))
                .isTrue();
        assertThat(HmacSignature.verify(request.body(), "another secret", request.header(HmacSignature.HEADER)))
                .isFalse();
        assertThat(request.header("X-Countersign-Delivery")).isEqualTo("gate-7.a1/rollback-requested");
        assertThat(receipt.delivered()).containsExactly("agent " + url).noneMatch(label -> label.contains("t0k3n"));
        assertThat(receipt.failed()).isEmpty();
    }

    @Test
    void theBodySaysWhichCallWhoAskedForTheRollbackAndWhy() throws Exception {
        try (ActivityHarness harness = new ActivityHarness(allowingTheReceiver())) {
            harness.notifier.notifyAgent(rollback(receiver.url("/hook")));
        }

        JsonNode body = new ObjectMapper().readTree(receiver.received().get(0).body());
        assertThat(body.get("event").asText()).isEqualTo("rollback-requested");
        assertThat(body.get("gateId").asText()).isEqualTo("gate-7.a1");
        assertThat(body.get("taskId").asText()).isEqualTo("gate-7");
        assertThat(body.get("actionId").asText()).isEqualTo("a1");
        assertThat(body.get("tool").asText()).isEqualTo("issue_refund");
        assertThat(body.get("reviewer").asText()).isEqualTo("alice");
        assertThat(body.get("comment").asText()).isEqualTo("wrong customer");
        assertThat(body.get("at").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(body.get("links").get("approval").asText())
                .isEqualTo("https://countersign.example.com/approvals/gate-7.a1");
    }

    @Test
    void aHostThatIsNotAllowedIsNeverCalledAndRecordedAsFailed() {
        AgentCallbacks otherHost = new AgentCallbacks(List.of("agent.example.com"), SECRET);

        NotificationReceipt receipt;
        try (ActivityHarness harness = new ActivityHarness(otherHost)) {
            receipt = harness.notifier.notifyAgent(rollback(receiver.url("/hook")));
        }

        assertThat(receiver.received()).isEmpty();
        assertThat(receipt.delivered()).isEmpty();
        assertThat(receipt.failed()).singleElement().asString().contains("host not allowed");
    }

    @Test
    void aRefusedCallbackFailsTheAttemptSoTemporalRetriesIt() {
        receiver.answer("/down", 503);

        try (ActivityHarness harness = new ActivityHarness(allowingTheReceiver())) {
            assertThatThrownBy(() -> harness.notifier.notifyAgent(rollback(receiver.url("/down"))))
                    .isInstanceOf(ActivityFailure.class)
                    .cause()
                    .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                        assertThat(failure.getType()).isEqualTo(WebhookNotificationActivities.DELIVERY_FAILED);
                        assertThat(failure.isNonRetryable()).isFalse();
                        assertThat(failure.getOriginalMessage()).contains("HTTP 503");
                    });
        }
    }
}
