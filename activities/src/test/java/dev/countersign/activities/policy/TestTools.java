package dev.countersign.activities.policy;

import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.ArgumentSpec;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.tool.ToolInvocation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's tools with small schemas, and helpers to build requests for them (for the policy tests of every sub-package). */
public final class TestTools {

    public static final Tool ISSUE_REFUND = new SchemaTool(
            "issue_refund",
            ArgumentSchema.of(
                    ordered(
                            "orderId", ArgumentSpec.string("the order"),
                            "amount", ArgumentSpec.number("how much", new BigDecimal("0.01"), null),
                            "currency", ArgumentSpec.string("ISO 4217 code").withPattern("[A-Z]{3}")),
                    "orderId",
                    "amount",
                    "currency"),
            List.of("money"));

    public static final Tool LOOKUP_ORDER = new SchemaTool(
            "lookup_order",
            ArgumentSchema.of(Map.of("orderId", ArgumentSpec.string("the order")), "orderId"),
            List.of());

    public static final Tool SEND_EMAIL = new SchemaTool(
            "send_email",
            ArgumentSchema.of(
                    ordered(
                            "to", ArgumentSpec.string("recipient"),
                            "subject", ArgumentSpec.string("subject line"),
                            "body", ArgumentSpec.string("text")),
                    "to",
                    "subject",
                    "body"),
            List.of("external"));

    public static final Tool DELETE_ACCOUNT = new SchemaTool(
            "delete_account",
            ArgumentSchema.of(Map.of("accountId", ArgumentSpec.string("the account")), "accountId"),
            List.of("irreversible"));

    public static final ToolRegistry REGISTRY =
            new ToolRegistry(List.of(ISSUE_REFUND, LOOKUP_ORDER, SEND_EMAIL, DELETE_ACCOUNT));

    private TestTools() {}

    public static PolicyRequest refund(Object amount) {
        return request(new ToolCall(
                "issue_refund", Map.of("orderId", "A-1001", "amount", amount, "currency", "EUR"), "", 0.9, List.of()));
    }

    public static PolicyRequest refund(Object amount, double confidence) {
        return request(new ToolCall(
                "issue_refund",
                Map.of("orderId", "A-1001", "amount", amount, "currency", "EUR"),
                "",
                confidence,
                List.of()));
    }

    public static PolicyRequest call(String tool, Map<String, Object> args) {
        return request(new ToolCall(tool, args, "", 0.9, List.of()));
    }

    public static PolicyRequest request(ToolCall call) {
        return new PolicyRequest("task-1", "support", "alice", Map.of(), call);
    }

    public static PolicyActivitiesImpl activities(Policy policy) {
        return new PolicyActivitiesImpl(PolicySource.of(policy), REGISTRY);
    }

    public static Policy demoPolicy() {
        return new PolicyLoader(REGISTRY.names()).loadResource("policies/demo.yaml");
    }

    public static Policy policy(String yaml) {
        return new PolicyLoader(REGISTRY.names()).load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, ArgumentSpec> ordered(Object... namesAndSpecs) {
        Map<String, ArgumentSpec> specs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSpecs.length; i += 2) {
            specs.put((String) namesAndSpecs[i], (ArgumentSpec) namesAndSpecs[i + 1]);
        }
        return specs;
    }

    private record SchemaTool(String name, ArgumentSchema schema, List<String> tags) implements Tool {

        @Override
        public Map<String, Object> execute(ToolInvocation invocation) {
            throw new UnsupportedOperationException("policy tests never run tools");
        }
    }
}
