package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.tool.ToolInvocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A tool's preview reaches reviewers also when the registry wraps the tool to add tags. */
class PreviewsSurviveTheRegistryTest {

    @Test
    void aToolTaggedByTheRegistryStillPreviewsItsChange() {
        Tool appender = new Tool() {
            @Override
            public String name() {
                return "append_line";
            }

            @Override
            public ArgumentSchema schema() {
                return new ArgumentSchema(Map.of(), List.of(), false);
            }

            @Override
            public boolean idempotent() {
                return false;
            }

            @Override
            public Optional<String> preview(Map<String, Object> args) {
                return Optional.of("+" + args.get("line"));
            }

            @Override
            public Map<String, Object> execute(ToolInvocation invocation) {
                return Map.of();
            }
        };

        Tool registered =
                new ToolRegistry(List.of(appender)).find("append_line").orElseThrow();

        assertThat(registered.tags()).contains(Tool.NOT_IDEMPOTENT_TAG);
        assertThat(registered.preview(Map.of("line", "reviewed"))).contains("+reviewed");
    }

    @Test
    void aToolThatCannotSayPreviewsNothing() {
        Tool lookup = CompensatingTools.tool("lookup", List.of(), Compensation.none());

        assertThat(lookup.preview(Map.of())).isEmpty();
    }
}
