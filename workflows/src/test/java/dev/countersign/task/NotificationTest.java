package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.notify.NotificationKind;
import dev.countersign.notify.ReviewerNotification;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void reviewersOfTheFirstTierAreNotifiedWhenACallStartsWaiting() {
        String taskId = harness.startRefund(250);

        TaskView waiting = harness.awaitView(
                taskId,
                view -> !view.actions().isEmpty()
                        && view.actions().size() > 1
                        && !view.actions().get(1).notifications().isEmpty());

        assertThat(harness.notifier.sent).singleElement().satisfies(sent -> {
            assertThat(sent.kind()).isEqualTo(NotificationKind.APPROVAL_REQUESTED);
            assertThat(sent.approval().groups()).containsExactly("support-leads");
            assertThat(sent.approval().argsDigest())
                    .isEqualTo(waiting.pendingApproval().argsDigest());
        });
        assertThat(waiting.actions().get(1).notifications())
                .singleElement()
                .satisfies(record -> assertThat(record.delivered()).containsExactly("webhook:support-leads"));
    }

    @Test
    void escalationNotifiesTheNextTier() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);

        harness.skip(Duration.ofHours(4).plusMinutes(1));
        harness.awaitView(taskId, view -> view.actions().get(1).notifications().size() == 2);

        assertThat(harness.notifier.sent)
                .extracting(ReviewerNotification::kind)
                .containsExactly(NotificationKind.APPROVAL_REQUESTED, NotificationKind.ESCALATED);
        assertThat(harness.notifier.sent.get(1).approval().groups()).containsExactly("finance-managers");
        assertThat(harness.notifier.sent.get(1).reason()).contains("nobody decided within PT4H");
    }

    @Test
    void aNotificationThatKeepsFailingIsRecordedAndTheApprovalStillCompletes() {
        harness.notifier.failing = true;
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);

        harness.approve(taskId, "alice");
        TaskView done = harness.result(taskId);

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(harness.tools.effectsOf("issue_refund")).hasSize(1);
        var action = harness.awaitView(
                        taskId, view -> !view.actions().get(1).notifications().isEmpty())
                .actions()
                .get(1);
        assertThat(action.notifications()).singleElement().satisfies(record -> {
            assertThat(record.delivered()).isEmpty();
            assertThat(record.failed()).singleElement().asString().contains("webhook answered 503");
        });
    }
}
