package dev.countersign.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.task.AgentTaskWorkflow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemporalUiLinkTest {

    @Test
    void linkNamesNamespaceAndWorkflow() {
        TemporalUiProperties ui = new TemporalUiProperties("http://127.0.0.1:8233/");

        assertThat(ui.temporalUiUrl()).isEqualTo("http://127.0.0.1:8233");
        assertThat(ui.workflowUrl("default", "refund-42"))
                .isEqualTo("http://127.0.0.1:8233/namespaces/default/workflows/refund-42");
    }

    @Test
    void noConfiguredUiMeansNoLink() {
        assertThat(new TemporalUiProperties(null).workflowUrl("default", "refund-42"))
                .isNull();
        assertThat(new TemporalUiProperties("  ").workflowUrl("default", "refund-42"))
                .isNull();
    }

    @Test
    void uiUnderAPathAndOddNamesAreKeptApart() {
        TemporalUiProperties ui = new TemporalUiProperties("https://ops.example.com/temporal");

        assertThat(ui.workflowUrl("team a/b", "refund-42"))
                .isEqualTo("https://ops.example.com/temporal/namespaces/team%20a%2Fb/workflows/refund-42");
    }

    @Test
    void urlThatIsNotHttpStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new TemporalUiProperties("127.0.0.1:8233"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countersign.temporal-ui-url")
                .hasMessageContaining("'127.0.0.1:8233'");
        assertThatThrownBy(() -> new TemporalUiProperties("http://bad host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("countersign.temporal-ui-url");
    }

    @Test
    void historyLinksToItsWorkflowInTheClientsNamespace() {
        try (LiveTasks tasks = new LiveTasks()) {
            AgentTaskWorkflow task = tasks.start("linked-1", Map.of("story", "steer"));
            task.view();

            TaskHistory history = new TaskHistoryReader(tasks.client, "http://127.0.0.1:8233").read("linked-1");

            assertThat(history.webUiUrl())
                    .isEqualTo("http://127.0.0.1:8233/namespaces/"
                            + tasks.client.getOptions().getNamespace() + "/workflows/linked-1");
            assertThat(history.events()).first().extracting(TimelineEvent::kind).isEqualTo(TimelineKind.STARTED);
        }
    }
}
