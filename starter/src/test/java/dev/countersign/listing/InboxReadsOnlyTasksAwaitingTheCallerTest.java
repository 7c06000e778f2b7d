package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.inbox.ScanningTaskDirectory;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the server has no visibility queries, a scan still answers from each task's search
 * attributes what they hold: the inbox queries only tasks that await one of the caller's groups, and
 * the pending-approvals count queries none, so a task that cannot answer costs neither a deadline.
 */
class InboxReadsOnlyTasksAwaitingTheCallerTest {

    private final ListingFixture fixture = new ListingFixture(Duration.ofMillis(300), 2);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTaskAwaitingOtherGroupsIsNotQueriedForTheInbox() {
        fixture.start(ListingFixture.SILENT, "silent-for-leads");
        fixture.start(ListingFixture.HEALTHY, "healthy-nothing-pending");

        assertThat(fixture.countersign.inbox("bob", Set.of("finance")).unreadable())
                .isEmpty();
        assertThat(fixture.failedReads("timeout"))
                .as("the silent task was never queried")
                .isZero();

        assertThat(fixture.countersign.inbox("alice", Set.of("support-leads")).unreadable())
                .extracting(UnreadableTask::taskId)
                .containsExactly("silent-for-leads");
        assertThat(fixture.failedReads("timeout")).isEqualTo(1);
    }

    @Test
    void pendingApprovalsAreCountedFromSearchAttributesWithoutQueries() {
        fixture.start(ListingFixture.SILENT, "silent-counted");
        fixture.start(ListingFixture.HEALTHY, "healthy-not-counted");

        assertThat(new ScanningTaskDirectory(fixture.client(), fixture.reads.queryClient()).countAwaitingApproval())
                .as("counted as visibility counts it, though the task could not answer a query")
                .isEqualTo(1);
    }
}
