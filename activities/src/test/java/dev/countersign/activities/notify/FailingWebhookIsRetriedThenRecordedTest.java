package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.notify.NotificationReceipt;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailingWebhookIsRetriedThenRecordedTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    FailingWebhookIsRetriedThenRecordedTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookTarget hook(String group, String path) {
        return new WebhookTarget(group, receiver.url(path), WebhookFormat.GENERIC, "k");
    }

    @Test
    void attemptsBeforeTheLastFailRetryablyNamingTheRefusingTarget() {
        receiver.answer("/down", 500);
        WebhookTarget down = hook("finance", "/down");

        AttemptRecorder recorder;
        try (WorkflowHarness harness = new WorkflowHarness(List.of(down))) {
            harness.notify(Notifications.requested("finance"));
            recorder = harness.recorder;
        }

        assertThat(recorder.attempts())
                .extracting(AttemptRecorder.Attempt::number)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(recorder.attempts().subList(0, 4))
                .allSatisfy(attempt -> assertThat(attempt.thrown())
                        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                            assertThat(failure.getType()).isEqualTo(WebhookNotificationActivities.DELIVERY_FAILED);
                            assertThat(failure.isNonRetryable()).isFalse();
                            assertThat(failure.getOriginalMessage()).contains(down.label() + ": HTTP 500");
                        }));
        assertThat(recorder.attempts().get(4).thrown()).isNull();
    }

    @Test
    void lastAttemptReturnsTheReceiptWithTheFailureInsteadOfFailing() {
        receiver.answer("/down", 500);
        WebhookTarget down = hook("finance", "/down");
        WebhookTarget up = hook("finance", "/up");

        NotificationReceipt receipt;
        try (WorkflowHarness harness = new WorkflowHarness(List.of(down, up))) {
            receipt = harness.notify(Notifications.requested("finance"));
        }

        assertThat(receiver.received("/down")).hasSize(WebhookNotificationActivities.MAX_ATTEMPTS);
        assertThat(receipt.delivered()).containsExactly(up.label());
        assertThat(receipt.failed()).containsExactly(down.label() + ": HTTP 500");
    }

    @Test
    void targetThatRecoversIsDeliveredOnALaterAttempt() {
        receiver.answer("/flaky", call -> call < 3 ? 503 : 200);
        WebhookTarget flaky = hook("finance", "/flaky");

        NotificationReceipt receipt;
        try (WorkflowHarness harness = new WorkflowHarness(List.of(flaky))) {
            receipt = harness.notify(Notifications.requested("finance"));
        }

        assertThat(receiver.received("/flaky")).hasSize(3);
        assertThat(receipt.delivered()).containsExactly(flaky.label());
        assertThat(receipt.failed()).isEmpty();
    }

    @Test
    void everyAttemptCarriesTheSameDeliveryIdSoReceiversCanDropDuplicates() {
        receiver.answer("/flaky", call -> call < 2 ? 500 : 202);

        try (WorkflowHarness harness = new WorkflowHarness(List.of(hook("finance", "/flaky")))) {
            harness.notify(Notifications.requested("finance"));
        }

        assertThat(receiver.received("/flaky"))
                .extracting(request -> request.header("X-Countersign-Delivery"))
                .containsExactly("t-42.a-3/approval_requested/manager", "t-42.a-3/approval_requested/manager");
    }
}
