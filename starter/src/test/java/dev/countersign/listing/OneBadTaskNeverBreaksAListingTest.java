package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.client.TemporalCountersign;
import dev.countersign.history.TaskHistoryReader;
import dev.countersign.inbox.ScanningTaskDirectory;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task that cannot answer is a row that says so; every other task is listed as it is. */
class OneBadTaskNeverBreaksAListingTest {

    private final ListingFixture fixture = new ListingFixture(Duration.ofMillis(300), 4);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTaskThatDoesNotAnswerWithinTheDeadlineIsListedAsUnreadable() {
        fixture.start(ListingFixture.HEALTHY, "healthy-1");
        fixture.start(ListingFixture.SILENT, "silent-1");
        fixture.start(ListingFixture.HEALTHY, "healthy-2");

        long started = System.nanoTime();
        var listed = fixture.countersign.taskList(10);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(listed).extracting(TaskRead::taskId).containsExactlyInAnyOrder("healthy-1", "silent-1", "healthy-2");
        assertThat(listed.stream().map(TaskRead::view).filter(Objects::nonNull))
                .extracting(TaskView::taskId)
                .containsExactlyInAnyOrder("healthy-1", "healthy-2");
        UnreadableTask silent = listed.stream()
                .map(TaskRead::unreadable)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        assertThat(silent.taskId()).isEqualTo("silent-1");
        assertThat(silent.status()).isEqualTo(UnreadableTask.UNREADABLE);
        assertThat(silent.requester()).as("from its search attributes").isEqualTo("dave");
        assertThat(silent.failure()).isEqualTo(ReadFailure.TIMEOUT);
        assertThat(silent.error()).contains("did not answer within PT0.3S");
        // The deadline is on the gRPC call: a generous bound for a loaded machine, far below the
        // 60 s the SDK's retries of a query would otherwise take.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(fixture.failedReads("timeout")).isEqualTo(1);
        assertThat(fixture.failures.recent())
                .extracting(TaskReadFailures.Recent::taskId)
                .containsExactly("silent-1");
        assertThat(fixture.countersign.tasks(10)).extracting(TaskView::taskId).doesNotContain("silent-1");
    }

    @Test
    void aTaskWhoseWorkflowTaskFailsIsListedAsUnreadable() {
        fixture.start(ListingFixture.WEDGED, "wedged-1");
        fixture.start(ListingFixture.HEALTHY, "healthy-3");

        var listed = fixture.countersign.taskList(10);

        assertThat(listed)
                .filteredOn(TaskRead::readable)
                .extracting(TaskRead::taskId)
                .containsExactly("healthy-3");
        assertThat(listed).filteredOn(read -> !read.readable()).singleElement().satisfies(read -> {
            assertThat(read.taskId()).isEqualTo("wedged-1");
            assertThat(read.unreadable().isRunning()).isTrue();
        });
        assertThat(fixture.failedReads("timeout") + fixture.failedReads("failed"))
                .isEqualTo(1);
    }

    @Test
    void theInboxShowsAnUnreadableTaskOnlyToTheGroupsItAwaits() {
        fixture.start(ListingFixture.SILENT, "silent-inbox");

        assertThat(fixture.countersign.inbox("alice", Set.of("support-leads")).unreadable())
                .extracting(UnreadableTask::taskId)
                .containsExactly("silent-inbox");
        assertThat(fixture.countersign.inbox("bob", Set.of("finance")).unreadable())
                .isEmpty();
    }

    @Test
    void theReviewQueueShowsUnreadableTasksToOperatorsOnly() {
        fixture.start(ListingFixture.SILENT, "silent-review");

        assertThat(fixture.countersign
                        .reviewQueue("olga", Set.of("operators"), true)
                        .unreadable())
                .extracting(UnreadableTask::taskId)
                .containsExactly("silent-review");
        assertThat(fixture.countersign
                        .reviewQueue("alice", Set.of("support-leads"), false)
                        .unreadable())
                .isEmpty();
    }

    @Test
    void aTaskReadAgainLeavesTheRecentlyUnreadable() {
        fixture.start(ListingFixture.SILENT, "silent-then-gone");
        fixture.countersign.taskList(10);
        assertThat(fixture.failures.recent()).hasSize(1);

        fixture.countersign.terminate("silent-then-gone", "olga", "wedged");
        fixture.countersign.taskList(10);

        assertThat(fixture.failures.recent()).isEmpty();
    }

    @Test
    void aTaskStartedThroughTheFacadeNamesItsRequesterBeforeItsFirstWorkflowTaskRuns() {
        TemporalCountersign nobodyPolls = new TemporalCountersign(
                fixture.client(),
                new ScanningTaskDirectory(fixture.client()),
                ListingFixture.SILENT,
                Set.of("agent"),
                new TaskHistoryReader(fixture.client(), null),
                fixture.reads,
                Clock.systemUTC());

        nobodyPolls.start(new TaskStart("fresh-1", "agent", "goal", Map.of(), "erin"));

        UnreadableTask fresh = nobodyPolls.read("fresh-1").orElseThrow().unreadable();
        assertThat(fresh).as("no worker has run it, so it cannot answer").isNotNull();
        assertThat(fresh.requester()).as("set when it was started").isEqualTo("erin");
    }
}
