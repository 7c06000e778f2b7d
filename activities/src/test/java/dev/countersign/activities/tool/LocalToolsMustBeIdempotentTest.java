package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.tool.ToolInvocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tool that runs as a local activity may run again after its worker stops, so it must be idempotent. */
class LocalToolsMustBeIdempotentTest {

    @Test
    void anIdempotentLocalToolIsRegisteredAndStaysLocalBehindItsTags() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("lookup_order", true, true)));

        Tool registered = registry.find("lookup_order").orElseThrow();

        assertThat(registered.runsLocally()).isTrue();
        assertThat(registered.tags()).containsExactly("orders");
    }

    @Test
    void aToolThatIsNotIdempotentStaysAnActivityWhenItDoesNotAsk() {
        ToolRegistry registry = new ToolRegistry(List.of(tool("wire_money", false, false)));

        Tool registered = registry.find("wire_money").orElseThrow();

        assertThat(registered.runsLocally()).isFalse();
        assertThat(registered.tags()).containsExactly("orders", Tool.NOT_IDEMPOTENT_TAG);
    }

    @Test
    void aToolThatIsNotIdempotentCannotRunLocally() {
        assertThatThrownBy(() -> new ToolRegistry(List.of(tool("wire_money", false, true))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the tool 'wire_money'")
                .hasMessageContaining("cannot run as a local activity: it is not idempotent");
    }

    private static Tool tool(String name, boolean idempotent, boolean local) {
        return new Tool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "a test tool";
            }

            @Override
            public ArgumentSchema schema() {
                return ArgumentSchema.of(Map.of());
            }

            @Override
            public List<String> tags() {
                return List.of("orders");
            }

            @Override
            public boolean idempotent() {
                return idempotent;
            }

            @Override
            public boolean runsLocally() {
                return local;
            }

            @Override
            public Map<String, Object> execute(ToolInvocation invocation) {
                return Map.of("key", invocation.idempotencyKey());
            }
        };
    }
}
