package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.PolicyVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tools an MCP server's entry lists in {@code local-tools} run as local activities: the verdict
 * of their calls says so, and the reference "everything" server's {@code echo}, which it marks
 * {@code idempotentHint: true}, may be one, while a tool it does not mark idempotent, or one it does
 * not have, stops the start with a message naming it.
 */
class LocalToolsOfAServerTest {

    private McpServers servers;

    @AfterEach
    void close() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aListedIdempotentToolRunsLocallyAndTheServersOtherToolsDoNot() {
        servers = McpServers.open(Map.of("everything", everything(List.of("echo"))), Set.of());
        ToolRegistry registry = new ToolRegistry(servers.tools());
        PolicyActivitiesImpl policy = new PolicyActivitiesImpl(new PolicySource(() -> TestTools.policy("""
                        version: 1
                        default: deny
                        rules:
                          - name: everything-runs
                            tool: "*"
                            outcome: auto
                        """)), registry);

        assertThat(registry.find("everything_echo").orElseThrow().runsLocally()).isTrue();
        assertThat(registry.find("everything_get-sum").orElseThrow().runsLocally())
                .isFalse();
        PolicyVerdict echo = policy.evaluatePolicy(request("everything_echo", Map.of("message", "hi")));
        PolicyVerdict sum = policy.evaluatePolicy(request("everything_get-sum", Map.of("a", 1, "b", 2)));
        assertThat(echo.runsLocally()).isTrue();
        assertThat(sum.runsLocally()).isFalse();
    }

    @Test
    void aToolTheServerDoesNotMarkIdempotentCannotBeLocal() {
        assertThatThrownBy(() -> servers = McpServers.open(
                        Map.of("everything", everything(List.of("toggle-simulated-logging"))), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'toggle-simulated-logging'")
                .hasMessageContaining("local-tools")
                .hasMessageContaining("idempotentHint: true");
    }

    @Test
    void aLocalToolTheServerDoesNotHaveStopsTheStart() {
        assertThatThrownBy(() -> servers = McpServers.open(Map.of("everything", everything(List.of("ehco"))), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no tool(s) [ehco] (local-tools)");
    }

    @Test
    void anEntryWithLocalToolsMustAnswerWithinThirtySecondsAndExposeThem() {
        McpServerSpec spec = McpServerSpec.stdio("node", List.of("server.js"));

        assertThatThrownBy(() -> spec.withTimeout(Duration.ofMinutes(2)).withLocalTools(List.of("echo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout must be at most PT30S for a server with local-tools");
        assertThatThrownBy(() -> spec.withTools(List.of("get-sum")).withLocalTools(List.of("echo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("local-tools names [echo], which tools does not expose");
        assertThatThrownBy(() -> spec.withLocalTools(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local-tools must name the server's tools");
        assertThat(spec.withLocalTools(List.of("echo")).localTools()).containsExactly("echo");
    }

    private static McpServerSpec everything(List<String> local) {
        return ReferenceServers.everything().withTimeout(Duration.ofSeconds(5)).withLocalTools(local);
    }

    private static dev.countersign.policy.PolicyRequest request(String tool, Map<String, Object> args) {
        return TestTools.request(new ToolCall(tool, args, "", null, List.of()));
    }
}
