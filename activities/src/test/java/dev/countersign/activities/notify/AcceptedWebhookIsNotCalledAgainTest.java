package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.notify.NotificationReceipt;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcceptedWebhookIsNotCalledAgainTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    AcceptedWebhookIsNotCalledAgainTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void retryOnlyCallsTheTargetsThatHaveNotAcceptedYet() {
        receiver.answer("/slack", 200).answer("/pager", call -> call == 1 ? 502 : 200);
        WebhookTarget slack = new WebhookTarget("finance", receiver.url("/slack"), WebhookFormat.SLACK, "k1");
        WebhookTarget pager = new WebhookTarget("finance", receiver.url("/pager"), WebhookFormat.GENERIC, "k2");

        NotificationReceipt receipt;
        try (WorkflowHarness harness = new WorkflowHarness(List.of(slack, pager))) {
            receipt = harness.notify(Notifications.requested("finance"));
        }

        assertThat(receiver.received("/slack")).hasSize(1);
        assertThat(receiver.received("/pager")).hasSize(2);
        assertThat(receipt.delivered()).containsExactlyInAnyOrder(slack.label(), pager.label());
        assertThat(receipt.failed()).isEmpty();
    }

    @Test
    void everyTargetThatAcceptedInOneAttemptIsRemembered() {
        receiver.answer("/a", 200).answer("/b", 201).answer("/c", call -> call < 3 ? 500 : 200);
        List<WebhookTarget> targets = List.of(
                new WebhookTarget("finance", receiver.url("/a"), WebhookFormat.GENERIC, "k1"),
                new WebhookTarget("finance", receiver.url("/b"), WebhookFormat.GENERIC, "k2"),
                new WebhookTarget("finance", receiver.url("/c"), WebhookFormat.GENERIC, "k3"));

        NotificationReceipt receipt;
        try (WorkflowHarness harness = new WorkflowHarness(targets)) {
            receipt = harness.notify(Notifications.requested("finance"));
        }

        assertThat(receiver.received("/a")).hasSize(1);
        assertThat(receiver.received("/b")).hasSize(1);
        assertThat(receiver.received("/c")).hasSize(3);
        assertThat(receipt.delivered()).hasSize(3);
    }

    @Test
    void targetsThatAcceptedStayInTheReceiptWhenOthersNeverDo() {
        receiver.answer("/ok", 204).answer("/gone", 410);
        WebhookTarget ok = new WebhookTarget("finance", receiver.url("/ok"), WebhookFormat.GENERIC, "k1");
        WebhookTarget gone = new WebhookTarget("finance", receiver.url("/gone"), WebhookFormat.GENERIC, "k2");

        NotificationReceipt receipt;
        try (WorkflowHarness harness = new WorkflowHarness(List.of(ok, gone))) {
            receipt = harness.notify(Notifications.requested("finance"));
        }

        assertThat(receiver.received("/ok")).hasSize(1);
        assertThat(receiver.received("/gone")).hasSize(WebhookNotificationActivities.MAX_ATTEMPTS);
        assertThat(receipt.delivered()).containsExactly(ok.label());
        assertThat(receipt.failed()).containsExactly(gone.label() + ": HTTP 410");
    }
}
