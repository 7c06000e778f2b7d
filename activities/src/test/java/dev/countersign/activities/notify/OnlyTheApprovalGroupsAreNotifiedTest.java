package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.notify.NotificationReceipt;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnlyTheApprovalGroupsAreNotifiedTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    OnlyTheApprovalGroupsAreNotifiedTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookTarget hook(String group) {
        return new WebhookTarget(group, receiver.url("/" + group), WebhookFormat.GENERIC, "k-" + group);
    }

    @Test
    void webhooksOfOtherGroupsAreNotCalled() {
        NotificationReceipt receipt;
        try (ActivityHarness harness =
                new ActivityHarness(List.of(hook("finance"), hook("support"), hook("directors")))) {
            receipt = harness.notifier.notifyReviewers(Notifications.requested("finance", "directors"));
        }

        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::path)
                .containsExactlyInAnyOrder("/finance", "/directors");
        assertThat(receipt.delivered())
                .containsExactly(hook("finance").label(), hook("directors").label());
        assertThat(receipt.failed()).isEmpty();
    }

    @Test
    void withoutAWebhookForTheGroupsNothingIsSentAndNothingFailed() {
        NotificationReceipt receipt;
        try (ActivityHarness harness = new ActivityHarness(List.of(hook("support")))) {
            receipt = harness.notifier.notifyReviewers(Notifications.requested("finance"));
        }

        assertThat(receiver.received()).isEmpty();
        assertThat(receipt.delivered()).isEmpty();
        assertThat(receipt.failed()).isEmpty();
    }

    @Test
    void eachWebhookGetsTheBodySignedWithItsOwnSecret() {
        try (ActivityHarness harness = new ActivityHarness(List.of(hook("finance"), hook("directors")))) {
            harness.notifier.notifyReviewers(Notifications.requested("finance", "directors"));
        }

        for (WebhookReceiver.Received request : receiver.received()) {
            String secret = "k-" + request.path().substring(1);
            assertThat(HmacSignature.verify(request.body(), secret, request.header(HmacSignature.HEADER)))
                    .as(request.path())
                    .isTrue();
        }
    }
}
