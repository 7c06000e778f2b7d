package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A bound that would read no run or no event stops the start with a message naming the property. */
class HistoryBoundsAreValidatedTest {

    @Test
    void noRunsToReadIsRefusedByName() {
        assertThatThrownBy(() -> new HistoryProperties(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countersign.history.max-runs");
    }

    @Test
    void noEventsToReadIsRefusedByName() {
        assertThatThrownBy(() -> new HistoryProperties(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countersign.history.max-events");
    }

    @Test
    void theDefaultsAreTheReadersOwn() {
        HistoryProperties defaults = new HistoryProperties(TaskRuns.DEFAULT_MAX_RUNS, TaskRuns.DEFAULT_MAX_EVENTS);

        assertThat(defaults.maxRuns()).isEqualTo(200);
        assertThat(defaults.maxEvents()).isEqualTo(500_000);
    }
}
