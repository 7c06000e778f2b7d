package dev.countersign.history;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Histories recorded from the demo service while the workflow was developed (before its state
 * became one carried holder), kept here as what the timeline reader is tested against: the history
 * endpoint still reads such tasks. The workflows module replays its own, newer recordings; the
 * local-tool ones, of tools run as local activities, are copied here.
 */
final class RecordedHistories {

    private static final Path FOLDER = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/histories")
            .normalize();

    private RecordedHistories() {}

    static WorkflowExecutionHistory load(String name) {
        Path file = FOLDER.resolve(name + ".json");
        try {
            return WorkflowExecutionHistory.fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded history " + file, e);
        }
    }

    static List<TimelineEvent> timeline(String name) {
        return TimelineBuilder.timeline(name, load(name).getEvents(), DataConverter.getDefaultInstance());
    }

    static List<TimelineEvent> ofKind(List<TimelineEvent> timeline, TimelineKind kind) {
        return timeline.stream().filter(event -> event.kind() == kind).toList();
    }
}
