package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.inbox.InvalidPageToken;
import dev.countersign.inbox.ScanningTaskDirectory;
import dev.countersign.inbox.TaskIdPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aTokenTheServerDidNotIssueIsRefused() {
        assertThatThrownBy(() -> directory.awaitingApprovalPage(Set.of("support-leads"), 2, "not a token!"))
                .isInstanceOf(InvalidPageToken.class)
                .hasMessageContaining("pageToken");
        assertThatThrownBy(() -> directory.awaitingApprovalPage(Set.of("support-leads"), 2, "b2Zmc2V0OjI"))
                .isInstanceOf(InvalidPageToken.class);
    }
}
