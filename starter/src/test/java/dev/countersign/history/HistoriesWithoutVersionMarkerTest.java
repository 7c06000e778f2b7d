package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tasks recorded before search attributes existed (no version marker, no upserts) read as the same
 * story as their counterparts recorded after.
 */
class HistoriesWithoutVersionMarkerTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("demo-approve-250", "v1-approve"),
                Arguments.of("demo-edit-then-quorum", "v1-edit"),
                Arguments.of("demo-reject", "v1-reject"),
                Arguments.of("demo-changes", "v1-changes"));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void olderHistoryTellsTheSameStory(String older, String newer) {
        List<TimelineEvent> before = RecordedHistories.timeline(older);
        List<TimelineEvent> after = RecordedHistories.timeline(newer);

        assertThat(before).extracting(TimelineEvent::kind).containsExactlyElementsOf(kinds(after));
        assertThat(before)
                .extracting(TimelineEvent::actionId, TimelineEvent::tool, TimelineEvent::actor)
                .containsExactlyElementsOf(after.stream()
                        .map(event -> tuple(event.actionId(), event.tool(), event.actor()))
                        .toList());
        assertThat(before.get(0).details()).containsEntry("requester", "dave");
        assertThat(before.get(before.size() - 1).kind()).isEqualTo(TimelineKind.COMPLETED);
    }

    private static List<TimelineKind> kinds(List<TimelineEvent> timeline) {
        return timeline.stream().map(TimelineEvent::kind).toList();
    }
}
