package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.review.ReviewVerdict;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.SearchAttributes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchAttributesTest {

    private final TaskHarness harness = new TaskHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private SearchAttributes attributesOf(String taskId) {
        return harness.client.newUntypedWorkflowStub(taskId).describe().getTypedSearchAttributes();
    }

    @Test
    void pendingApprovalPublishesWhoMayActNowAndWhatIsAtStake() {
        String taskId = harness.startRefund(5000);
        harness.awaitPending(taskId);

        SearchAttributes attributes = attributesOf(taskId);

        assertThat(attributes.get(TaskSearchAttributes.STATUS)).isEqualTo("AWAITING_APPROVAL");
        assertThat(attributes.get(TaskSearchAttributes.GROUPS)).containsExactly("finance");
        assertThat(attributes.get(TaskSearchAttributes.TOOL)).isEqualTo("issue_refund");
        assertThat(attributes.get(TaskSearchAttributes.RISK)).isEqualTo("high");
        assertThat(attributes.get(TaskSearchAttributes.REQUESTER)).isEqualTo("dave");
    }

    @Test
    void decidedTaskClearsTheGroupsSoItLeavesEveryInbox() {
        String taskId = harness.startRefund(250);
        harness.awaitPending(taskId);
        assertThat(attributesOf(taskId).get(TaskSearchAttributes.RISK)).isEqualTo("medium");

        harness.approve(taskId, "alice");
        harness.result(taskId);

        SearchAttributes attributes = attributesOf(taskId);
        assertThat(attributes.get(TaskSearchAttributes.STATUS)).isEqualTo("COMPLETED");
        assertThat(attributes.containsKey(TaskSearchAttributes.GROUPS)).isFalse();
    }

    @Test
    void unchangedValuesAreNotUpsertedAgain() {
        String taskId = harness.startRefund(5000);
        harness.awaitPending(taskId);
        long before = upserts(taskId);

        harness.approve(taskId, "bob");

        assertThat(upserts(taskId)).isEqualTo(before);
        assertThat(List.of(before)).isNotEmpty();
    }

    private long upserts(String taskId) {
        return harness.client.fetchHistory(taskId).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)
                .count();
    }

    @Test
    void anActionAwaitingReviewPublishesWhoMayReviewItUntilItsVerdict() {
        String taskId = harness.startRefund(250, "review");
        harness.awaitPending(taskId);
        assertThat(attributesOf(taskId).get(TaskSearchAttributes.REVIEW_GROUPS))
                .containsExactly(TaskSearchAttributes.NOTHING_TO_REVIEW);
        harness.approve(taskId, "alice");
        TaskView inReview = harness.awaitStatus(taskId, TaskStatus.IN_REVIEW);
        List<String> reviewGroups =
                TaskHarness.action(inReview, "issue_refund").review().groups();

        assertThat(attributesOf(taskId).get(TaskSearchAttributes.REVIEW_GROUPS))
                .startsWith(TaskSearchAttributes.ANY_REVIEW)
                .containsAll(reviewGroups)
                .hasSize(reviewGroups.size() + 1);

        harness.review(taskId, "a2", "erin", ReviewVerdict.OK, "fine");
        harness.awaitStatus(taskId, TaskStatus.COMPLETED);

        assertThat(attributesOf(taskId).get(TaskSearchAttributes.REVIEW_GROUPS))
                .containsExactly(TaskSearchAttributes.NOTHING_TO_REVIEW);
    }
}
