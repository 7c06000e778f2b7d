package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.yaml.PolicyLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which tools tools/list leaves out: only those every deciding rule denies whatever the arguments,
 * a condition counting as possibly true; guards never hide a tool.
 */
class ToolsDeniedOutrightAreUnlistedTest {

    private static final List<String> TOOLS = List.of("a_read", "a_write", "a_delete", "a_move", "a_other");

    @Test
    void onlyToolsThatEveryDecidingRuleDeniesAreLeftOut() {
        Policy policy = policy("""
                version: 1
                default: deny
                guards:
                  - name: careful
                    outcome: deny
                    when: "true"
                rules:
                  - name: no-delete
                    tool: a_delete
                    outcome: deny
                  - name: never-move-when
                    tool: a_move
                    when: "'force' in args"
                    outcome: deny
                  - name: moves
                    tool: a_move
                    outcome: auto
                  - name: watch-writes
                    tool: a_write
                    outcome: auto
                    shadow: true
                  - name: reads
                    tool: a_read
                    outcome: auto
                """);

        assertThat(TOOLS.stream().filter(tool -> OutrightDenial.denies(policy, tool)))
                .containsExactly("a_write", "a_delete", "a_other");
    }

    @Test
    void aConditionalRuleThatMayLetTheCallRunKeepsTheToolListed() {
        Policy policy = policy("""
                version: 1
                default: deny
                rules:
                  - name: small-writes
                    tool: a_write
                    when: "size(args) < 3"
                    outcome: auto
                  - name: no-writes
                    tool: "*"
                    outcome: deny
                """);

        assertThat(OutrightDenial.denies(policy, "a_write")).isFalse();
        assertThat(OutrightDenial.denies(policy, "a_read")).isTrue();
    }

    private static Policy policy(String yaml) {
        return new PolicyLoader(TOOLS).load("test-policy.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
