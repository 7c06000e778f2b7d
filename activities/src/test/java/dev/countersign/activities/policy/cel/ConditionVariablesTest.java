package dev.countersign.activities.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.PolicyRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionVariablesTest {

    private static PolicyActivitiesImpl activitiesWith(String when) {
        return TestTools.activities(TestTools.policy("""
                version: 1
                rules:
                  - name: probe
                    tool: "*"
                    when: '%s'
                    outcome: auto
                """.formatted(when)));
    }

    private static PolicyRequest lookup(Double confidence, List<String> tags) {
        return new PolicyRequest(
                "task-9",
                "support",
                "alice",
                Map.of("customer", Map.of("tier", "gold", "orders", 12), "channels", List.of("email", "chat")),
                new ToolCall("lookup_order", Map.of("orderId", "A-1001"), "check status", confidence, tags));
    }

    private static boolean matches(String when, PolicyRequest request) {
        return "probe".equals(activitiesWith(when).evaluatePolicy(request).rule());
    }

    @Test
    void conditionReadsToolAgentAndRequester() {
        PolicyRequest request = lookup(0.9, List.of());

        assertThat(matches("tool == \"lookup_order\" && agent == \"support\" && requester == \"alice\"", request))
                .isTrue();
        assertThat(matches("requester == \"bob\"", request)).isFalse();
    }

    @Test
    void conditionReadsArgumentsAndNestedTaskInput() {
        PolicyRequest request = lookup(0.9, List.of());

        assertThat(matches("args.orderId.startsWith(\"A-\")", request)).isTrue();
        assertThat(matches("input.customer.tier == \"gold\" && input.customer.orders > 10", request))
                .isTrue();
        assertThat(matches("\"chat\" in input.channels", request)).isTrue();
    }

    @Test
    void conditionReadsTheTaskInputUnderTask() {
        PolicyRequest request = lookup(0.9, List.of());

        assertThat(matches("task.input.customer.tier == \"gold\" && \"email\" in task.input.channels", request))
                .isTrue();
        assertThat(matches("has(task.input.priority)", request)).isFalse();
    }

    @Test
    void conditionReadsConfidence() {
        assertThat(matches("confidence < 0.5", lookup(0.3, List.of()))).isTrue();
        assertThat(matches("confidence < 0.5", lookup(0.8, List.of()))).isFalse();
        assertThat(matches("confidence >= 1", lookup(1.0, List.of()))).isTrue();
    }

    @Test
    void unknownConfidenceIsMinusOneSoItCountsAsLow() {
        assertThat(matches("confidence == -1.0", lookup(null, List.of()))).isTrue();
        assertThat(matches("confidence < 0.5", lookup(null, List.of()))).isTrue();
    }

    @Test
    void conditionReadsTheCallsTags() {
        assertThat(matches("\"pii\" in tags", lookup(0.9, List.of("pii")))).isTrue();
        assertThat(matches("\"pii\" in tags", lookup(0.9, List.of()))).isFalse();
    }

    @Test
    void tagsIncludeTheToolsDeclaredTags() {
        PolicyRequest email = TestTools.request(new ToolCall(
                "send_email", Map.of("to", "b@example.com", "subject", "s", "body", "b"), "", 0.9, List.of("pii")));

        assertThat(matches("\"external\" in tags && \"pii\" in tags", email)).isTrue();
    }

    @Test
    void hasGuardsAnOptionalArgument() {
        PolicyRequest request = lookup(0.9, List.of());

        assertThat(matches("has(args.note) && args.note == \"x\"", request)).isFalse();
        assertThat(matches("!has(args.note)", request)).isTrue();
    }

    @Test
    void nullArgumentIsCelNull() {
        PolicyRequest request = new PolicyRequest(
                "t", "support", "alice", Map.of(), new ToolCall("send_email", nullBody(), "", 0.9, List.of()));

        assertThat(TestTools.policy("""
                version: 1
                rules:
                  - name: probe
                    tool: "*"
                    when: args.body == null
                    outcome: auto
                """).evaluate(request).rule()).isEqualTo("probe");
    }

    private static Map<String, Object> nullBody() {
        Map<String, Object> args = new HashMap<>();
        args.put("to", "b@example.com");
        args.put("subject", "s");
        args.put("body", null);
        return args;
    }
}
