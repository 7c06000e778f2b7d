package dev.countersign.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors without an HTTP answer fail the target with a reason, never with the secret or the body. */
class UnreachableWebhookTest {

    private static ApplicationFailure failureOf(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ActivityFailure.class);
        assertThat(thrown.getCause()).isInstanceOf(ApplicationFailure.class);
        return (ApplicationFailure) thrown.getCause();
    }

    @Test
    void refusedConnectionIsAFailureOfThatTarget() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        WebhookTarget target = new WebhookTarget(
                "finance", URI.create("http://127.0.0.1:" + closedPort + "/hook"), WebhookFormat.GENERIC, "k");

        try (ActivityHarness harness = new ActivityHarness(List.of(target))) {
            assertThatThrownBy(() -> harness.notifier.notifyReviewers(Notifications.requested("finance")))
                    .satisfies(thrown -> {
                        ApplicationFailure failure = failureOf(thrown);
                        assertThat(failure.getType()).isEqualTo(WebhookNotificationActivities.DELIVERY_FAILED);
                        assertThat(failure.getOriginalMessage()).contains(target.label() + ": cannot connect");
                    });
        }
    }

    @Test
    void silentReceiverTimesOut() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().hang("/slow")) {
            WebhookTarget target = new WebhookTarget("finance", receiver.url("/slow"), WebhookFormat.GENERIC, "s3cr3t");

            try (ActivityHarness harness = new ActivityHarness(List.of(target), Duration.ofMillis(300))) {
                assertThatThrownBy(() -> harness.notifier.notifyReviewers(Notifications.requested("finance")))
                        .satisfies(thrown -> {
                            ApplicationFailure failure = failureOf(thrown);
                            assertThat(failure.getOriginalMessage())
                                    .contains(target.label() + ": no answer within PT0.3S")
                                    .doesNotContain("s3cr3t", "refund_payment");
                        });
            }
        }
    }
}
