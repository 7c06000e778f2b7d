package dev.countersign.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.task.ActionPage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade's paged read: a page on a readable task, the unreadable row as it was, a bad page refused. */
class PagedReadThroughTheFacadeTest {

    private final ListingFixture fixture = new ListingFixture(Duration.ofMillis(300), 2);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aReadWithoutPageAsksForTheFirstFifty() {
        fixture.start(ListingFixture.HEALTHY, "healthy-paged");

        assertThat(fixture.countersign.read("healthy-paged"))
                .hasValueSatisfying(read -> assertThat(read.view().page()).isEqualTo(new ActionPage(null, 50, null)));
        assertThat(fixture.countersign
                        .withArchivedActions(new InMemoryArchive()::page)
                        .read("healthy-paged", "a3", 7))
                .hasValueSatisfying(read -> {
                    assertThat(read.view().page()).isEqualTo(new ActionPage("a3", 7, null));
                    assertThat(read.live().page())
                            .as("the live view, on which access is decided, is the task's own answer")
                            .isNull();
                });
    }

    @Test
    void aTaskThatCannotBeReadIsStillItsUnreadableRow() {
        fixture.start(ListingFixture.HEALTHY, "healthy-ended");
        fixture.countersign.terminate("healthy-ended", "olga", "gone");

        assertThat(fixture.countersign.read("healthy-ended", null, 10))
                .hasValueSatisfying(
                        read -> assertThat(read.unreadable().status()).isEqualTo("TERMINATED"));
    }

    @Test
    void aBadPageIsRefusedBeforeAnyRead() {
        assertThatThrownBy(() -> fixture.countersign.read("no-such-task", "7", 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixture.countersign.read("no-such-task", null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fixture.countersign.read("no-such-task", null, 10)).isEmpty();
    }
}
