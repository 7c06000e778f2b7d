package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.PendingApproval;
import io.temporal.api.enums.v1.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task publishes its pending approvals in its memo, as the inbox shows them, whenever they change,
 * so that the inbox reads a page of tasks from one visibility call instead of asking each task.
 */
class InboxMemoTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private InboxMemo memoOf(String taskId) {
        return harness.client
                .newUntypedWorkflowStub(taskId)
                .describe()
                .getMemo(InboxMemo.KEY, InboxMemo.class, InboxMemo.class);
    }

    @Test
    void theMemoHoldsWhatTheTaskWaitsForAfterEveryDecision() {
        String taskId = harness.startRefund(5000);
        TaskView waiting = harness.awaitPending(taskId);

        InboxMemo requested = memoOf(taskId);
        assertThat(requested.complete()).isTrue();
        assertThat(requested.approvals()).isEqualTo(waiting.pendingApprovals()).hasSize(1);
        assertThat(requested.approvals().get(0).args()).containsEntry("amount", 5000.0);
        assertThat(requested.approvals().get(0).argsDigest()).isNotBlank();

        harness.approve(taskId, "bob");

        PendingApproval halfway = memoOf(taskId).approvals().get(0);
        assertThat(halfway.approvals()).isEqualTo(1);
        assertThat(halfway.approvers()).containsExactly("bob");
        assertThat(halfway.decidableBy("bob", List.of("finance"))).isFalse();
        assertThat(halfway).isEqualTo(harness.stub(taskId).view().pendingApproval());

        harness.approve(taskId, "carol");
        harness.result(taskId);

        assertThat(memoOf(taskId).approvals()).as("nothing waits any more").isEmpty();
    }

    @Test
    void anEscalationMovesTheMemoToTheNextTier() {
        String taskId = harness.startRefund(15_000);
        harness.awaitPending(taskId);
        assertThat(memoOf(taskId).approvals().get(0).groups()).containsExactly("finance");

        harness.skip(Duration.ofHours(4).plusMinutes(1));
        harness.awaitView(
                taskId,
                view -> view.pendingApproval() != null
                        && view.pendingApproval().groups().contains("finance-managers"));

        assertThat(memoOf(taskId).approvals())
                .singleElement()
                .satisfies(approval -> assertThat(approval.groups()).containsExactly("finance-managers"));
    }

    @Test
    void aTaskThatNeverWaitsForAnyoneWritesNoMemo() {
        String taskId = harness.startRefund(5);
        harness.result(taskId);

        assertThat(memoOf(taskId)).isNull();
        assertThat(harness.client.fetchHistory(taskId).getEvents())
                .noneMatch(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED);
    }

    @Test
    void approvalsTooLargeForTheMemoAreLeftForTheInboxToAskFor() {
        PendingApproval small = approval(Map.of("note", "x".repeat(1000)));
        PendingApproval large = approval(Map.of("note", "x".repeat(InboxMemo.MAX_BYTES)));

        assertThat(InboxMemo.of(List.of(small))).isEqualTo(new InboxMemo(true, List.of(small)));
        assertThat(InboxMemo.of(List.of(small, large))).isEqualTo(new InboxMemo(false, List.of()));
    }

    private static PendingApproval approval(Map<String, Object> args) {
        return new PendingApproval(
                "t-1.a1",
                "t-1",
                "a1",
                "issue_refund",
                args,
                "digest",
                "why",
                null,
                List.of(),
                "dave",
                "refunds",
                "policy",
                "finance",
                List.of("finance"),
                1,
                0,
                List.of(),
                Instant.EPOCH,
                null);
    }
}
