package dev.countersign.activities.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.PolicyActivitiesImpl;
import dev.countersign.activities.policy.PolicySource;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An MCP server's hints reach policy conditions as {@code annotations} and as tags, and its schema
 * refuses a call before any rule sees it.
 */
class ServerHintsReachThePolicyTest {

    private static McpServers servers;
    private static PolicyActivitiesImpl policy;

    @BeforeAll
    static void connect() {
        servers = McpServers.open(
                Map.of("everything", ReferenceServers.everything().withTimeout(Duration.ofSeconds(5))), Set.of());
        policy = new PolicyActivitiesImpl(
                new PolicySource(() -> TestTools.policy("""
                        version: 1
                        default: deny
                        rules:
                          - name: reads-run
                            tool: "*"
                            when: annotations.readOnlyHint == true && 'read-only' in tags
                            outcome: auto
                          - name: the-rest-waits
                            tool: "*"
                            when: '!has(annotations.readOnlyHint) || annotations.readOnlyHint == false'
                            outcome: approve
                            tiers:
                              - groups: [ops]
                        """)), new ToolRegistry(servers.tools()));
    }

    @AfterAll
    static void close() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aToolTheServerCallsReadOnlyRunsOnItsOwn() {
        PolicyVerdict verdict = policy.evaluatePolicy(request("everything_echo", Map.of("message", "hi")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("reads-run");
    }

    @Test
    void aToolThatChangesStateWaitsForAReviewer() {
        PolicyVerdict verdict = policy.evaluatePolicy(request("everything_toggle-simulated-logging", Map.of()));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void argumentsTheServersSchemaRefusesAreDeniedBeforeAnyRule() {
        PolicyVerdict verdict = policy.evaluatePolicy(request("everything_get-sum", Map.of("a", "one", "b", 2)));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.reason()).startsWith("invalid arguments: 'a': ");
    }

    private static dev.countersign.policy.PolicyRequest request(String tool, Map<String, Object> args) {
        return TestTools.request(new ToolCall(tool, args, "", null, List.of()));
    }
}
