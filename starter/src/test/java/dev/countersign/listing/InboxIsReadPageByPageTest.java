package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.approval.PendingApproval;
import dev.countersign.client.ApprovalInbox;
import dev.countersign.inbox.InvalidPageToken;
import dev.countersign.inbox.ScanningTaskDirectory;
import dev.countersign.inbox.TaskIdPage;
import dev.countersign.task.InboxMemo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox is read a page at a time: the directory lists one page of the tasks awaiting the
 * caller's groups with a token for the next, and only that page's tasks are read.
 */
class InboxIsReadPageByPageTest {

    private final ListingFixture fixture = new ListingFixture(Duration.ofMillis(200), 4);
    private final ScanningTaskDirectory directory =
            new ScanningTaskDirectory(fixture.client(), fixture.reads.queryClient());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void pagesFollowEachOtherNewestFirstWithoutGapsOrRepeats() {
        for (int i = 1; i <= 5; i++) {
            fixture.start(ListingFixture.SILENT, "awaiting-" + i);
        }
        fixture.start(ListingFixture.HEALTHY, "awaiting-nobody");

        List<TaskIdPage> pages = new ArrayList<>();
        String token = null;
        do {
            TaskIdPage page = directory.awaitingApprovalPage(Set.of("support-leads"), 2, token);
            pages.add(page);
            token = page.nextPageToken();
        } while (token != null && pages.size() < 10);

        assertThat(pages).extracting(page -> page.taskIds().size()).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(page -> page.taskIds().stream()).toList())
                .containsExactlyElementsOf(directory.awaitingApprovalTaskIds(Set.of("support-leads")))
                .hasSize(5)
                .doesNotContain("awaiting-nobody");
    }

    @Test
    void onlyTheTasksOfThePageAreReadAndTheNextTokenIsAnswered() {
        for (int i = 1; i <= 3; i++) {
            fixture.start(ListingFixture.SILENT, "silent-" + i);
        }

        ApprovalInbox first = fixture.countersign.inbox("alice", Set.of("support-leads"), 2, null);
        ApprovalInbox second = fixture.countersign.inbox("alice", Set.of("support-leads"), 2, first.nextPageToken());

        assertThat(first.unreadable()).hasSize(2);
        assertThat(first.nextPageToken()).isNotNull();
        assertThat(second.unreadable()).hasSize(1);
        assertThat(second.nextPageToken()).isNull();
        assertThat(fixture.failedReads("timeout")).as("each task was read once").isEqualTo(3);
    }

    /**
     * A task that published its pending approvals in its memo is shown from it without being asked,
     * so the page costs no query for it (and a task too busy to answer still shows what waits); one
     * whose approvals did not fit in its memo is asked, as before.
     */
    @Test
    void approvalsATaskPublishedAreShownWithoutAskingIt() {
        PendingApproval refund = approval("published-1", "dave", List.of());
        PendingApproval halfApproved = approval("published-2", "dave", List.of("alice"));
        PendingApproval alicesOwn = approval("published-3", "alice", List.of());
        fixture.startPublished("published-1", new InboxMemo(true, List.of(refund)));
        fixture.startPublished("published-2", new InboxMemo(true, List.of(halfApproved)));
        fixture.startPublished("published-3", new InboxMemo(true, List.of(alicesOwn)));
        fixture.startPublished("too-large", new InboxMemo(false, List.of()));

        ApprovalInbox forAlice = fixture.countersign.inbox("alice", Set.of("support-leads"), 10, null);
        ApprovalInbox forErin = fixture.countersign.inbox("erin", Set.of("support-leads"), 10, null);

        assertThat(forAlice.approvals())
                .as("not the one she approved, nor the one she asked for")
                .containsExactly(refund);
        assertThat(forErin.approvals()).containsExactlyInAnyOrder(refund, halfApproved, alicesOwn);
        assertThat(forAlice.unreadable())
                .singleElement()
                .satisfies(task -> assertThat(task.taskId()).isEqualTo("too-large"));
        assertThat(fixture.failedReads("timeout"))
                .as("only the task whose approvals were not in its memo was asked")
                .isEqualTo(2);
    }

    /** One approval (as a bulk decision reads each first) comes from the memo the server holds, not the task. */
    @Test
    void oneApprovalIsReadFromTheMemoWithoutAskingTheTask() {
        PendingApproval refund = approval("published-1", "dave", List.of());
        fixture.startPublished("published-1", new InboxMemo(true, List.of(refund)));

        assertThat(fixture.countersign.approval("published-1.a1")).contains(refund);
        assertThat(fixture.countersign.approval("published-1.a2"))
                .as("not pending in a complete memo")
                .isEmpty();
    }

    private static PendingApproval approval(String taskId, String requester, List<String> approvers) {
        return new PendingApproval(
                taskId + ".a1",
                taskId,
                "a1",
                "issue_refund",
                Map.of("orderId", "A-1", "amount", 250.0),
                "digest-of-" + taskId,
                "the customer asked",
                null,
                List.of(),
                requester,
                "refunds",
                "policy",
                "support-leads",
                List.of("support-leads"),
                2,
                approvers.size(),
                approvers,
                Instant.parse("2026-12-07T10:00:00Z"),
                null);
    }

    @Test
    void aTokenTheServerDidNotIssueIsRefused() {
        assertThatThrownBy(() -> directory.awaitingApprovalPage(Set.of("support-leads"), 2, "not a token!"))
                .isInstanceOf(InvalidPageToken.class)
                .hasMessageContaining("pageToken");
        assertThatThrownBy(() -> directory.awaitingApprovalPage(Set.of("support-leads"), 2, "b2Zmc2V0OjI"))
                .isInstanceOf(InvalidPageToken.class);
    }
}
