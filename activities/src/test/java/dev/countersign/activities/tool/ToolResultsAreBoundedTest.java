package dev.countersign.activities.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.tool.ToolInvocation;
import dev.countersign.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsAreBoundedTest {

    private static final int BOUND = 64 * 1024;
    private static final String THREE_MB = "x".repeat(3 * 1024 * 1024);

    private final ToolActivitiesImpl activities = new ToolActivitiesImpl(
            new ToolRegistry(List.of(
                    tool("report", invocation -> Map.of("report", THREE_MB)),
                    tool("small", invocation -> Map.of("ok", true)),
                    tool("broken", invocation -> {
                        throw new ToolException("Broken", "it broke: " + THREE_MB, false);
                    }))),
            BOUND);

    @Test
    void aResultOverTheBoundIsReplacedByAMarkedStandIn() {
        ToolResult result = activities.executeTool(new ToolInvocation("t1", "a1", "report", Map.of(), null, "t1/a1"));

        assertThat(PayloadBounds.isTruncated(result.output())).isTrue();
        assertThat(result.output().get("originalBytes")).isEqualTo(THREE_MB.length() + "{\"report\":\"\"}".length());
        assertThat(result.output().get("preview").toString()).startsWith("{\"report\":\"xxx");
        assertThat(PayloadBounds.jsonBytes(result.output())).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void aResultWithinTheBoundIsUntouched() {
        ToolResult result = activities.executeTool(new ToolInvocation("t1", "a1", "small", Map.of(), null, "t1/a1"));

        assertThat(result.output()).isEqualTo(Map.of("ok", true));
    }

    @Test
    void aHugeErrorMessageIsCutWithItsMarker() {
        assertThatThrownBy(
                        () -> activities.executeTool(new ToolInvocation("t1", "a1", "broken", Map.of(), null, "t1/a1")))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getOriginalMessage())
                            .startsWith("it broke: xxx")
                            .endsWith("bytes]");
                    assertThat(PayloadBounds.utf8Length(failure.getOriginalMessage()))
                            .isLessThanOrEqualTo(BOUND);
                });
    }

    @Test
    void aBoundAboveTheWorkflowsOwnIsRefused() {
        assertThatThrownBy(() -> new ToolActivitiesImpl(new ToolRegistry(List.of()), PayloadBounds.MAX_VALUE_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Tool tool(String name, java.util.function.Function<ToolInvocation, Map<String, Object>> body) {
        return new Tool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ArgumentSchema schema() {
                return CompensatingTools.ANY;
            }

            @Override
            public Map<String, Object> execute(ToolInvocation invocation) {
                return body.apply(invocation);
            }
        };
    }
}
