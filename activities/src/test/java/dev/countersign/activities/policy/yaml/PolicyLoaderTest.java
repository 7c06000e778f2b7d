package dev.countersign.activities.policy.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.policy.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyLoaderTest {

    private static final String UNKNOWN_TOOL_POLICY = """
            version: 1
            rules:
              - name: refunds
                tool: [issue_refund, issue_refnud]
                outcome: auto
            """;

    @Test
    void ruleNamingAToolOutsideTheRegistryFailsWhenToolsAreKnown() {
        assertThatThrownBy(() -> new PolicyLoader(Set.of("issue_refund", "lookup_order"))
                        .load("policy.yaml", UNKNOWN_TOOL_POLICY.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PolicyException.class)
                .hasMessage("invalid policy policy.yaml: line 4, rule 'refunds' (#1): unknown tool 'issue_refnud'"
                        + " (known tools: issue_refund, lookup_order)");
    }

    @Test
    void toolNamesAreNotCheckedWithoutKnownTools() {
        Policy policy = new PolicyLoader().load("policy.yaml", UNKNOWN_TOOL_POLICY.getBytes(StandardCharsets.UTF_8));

        assertThat(policy.rules().get(0).tools()).containsExactly("issue_refund", "issue_refnud");
    }

    @Test
    void everyProblemIsReportedInOneException() {
        String policy = """
                version: 1
                rules:
                  - name: one
                    tool: issue_refund
                    outcome: maybe
                  - name: two
                    tool: issue_refund
                    outcome: approve
                """;

        assertThatThrownBy(() -> TestTools.policy(policy)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.problems())
                    .containsExactly(
                            "line 5, rule 'one' (#1): 'outcome' must be auto, approve or deny, was 'maybe'",
                            "line 6, rule 'two' (#2): outcome approve needs 'tiers':"
                                    + " who approves and how many approvals are needed");
            assertThat(e.source()).isEqualTo("test.yaml");
            assertThat(e.getMessage()).startsWith("invalid policy test.yaml (2 problems):\n  line 5");
        });
    }

    @Test
    void ruleThatCanNeverMatchLoadsWithAWarning() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: all-refunds
                    tool: issue_refund
                    outcome: auto
                  - name: big-refunds
                    tool: issue_refund
                    when: args.amount > 100
                    outcome: deny
                """);

        assertThat(policy.warnings())
                .containsExactly("line 6, rule 'big-refunds': can never match: rule 'all-refunds' at line 3"
                        + " already matches every call to its tools");
    }

    @Test
    void outcomesAreCaseInsensitive() {
        Policy policy = TestTools.policy("""
                version: 1
                default: AUTO
                rules:
                  - name: lookups
                    tool: lookup_order
                    outcome: Deny
                """);

        assertThat(policy.defaultOutcome()).isEqualTo(Outcome.AUTO);
        assertThat(policy.rules().get(0).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void multiLineConditionCompiles() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: mid-refunds
                    tool: issue_refund
                    when: |
                      args.amount > 10 &&
                      args.currency == "EUR"
                    outcome: deny
                """);

        assertThat(policy.evaluate(TestTools.refund(20)).rule()).isEqualTo("mid-refunds");
        assertThat(policy.evaluate(TestTools.refund(5)).rule()).isNull();
    }

    @Test
    void missingFileFailsNamingIt() {
        Path missing = Path.of("does-not-exist", "policy.yaml");

        assertThatThrownBy(() -> new PolicyLoader().load(missing))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("invalid policy " + missing + ": cannot read the file");
    }

    @Test
    void missingResourceFailsNamingIt() {
        assertThatThrownBy(() -> new PolicyLoader().loadResource("policies/nope.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("invalid policy classpath:policies/nope.yaml: there is no such resource on the class path");
    }

    @Test
    void emptyFileFails() {
        assertThatThrownBy(() -> TestTools.policy("# nothing yet\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("the policy is empty");
    }

    @Test
    void duplicateNameIsFoundEvenWhenTheFirstRuleIsBroken() {
        String policy = """
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: sometimes
                  - name: refunds
                    tool: issue_refund
                    outcome: deny
                """;

        assertThatThrownBy(() -> TestTools.policy(policy))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "line 5, rule 'refunds' (#1): 'outcome' must be auto, approve or deny, was 'sometimes'",
                                        "line 6, rule 'refunds' (#2): duplicate rule name 'refunds': the rule at line 3 has it"
                                                + " too"));
    }

    @Test
    void fileWithAByteOrderMarkLoads() {
        byte[] content = "\uFEFFversion: 1\nrules: []\n".getBytes(StandardCharsets.UTF_8);

        assertThat(new PolicyLoader().load("bom.yaml", content).rules()).isEmpty();
    }

    @Test
    void fileThatIsNotUtf8Fails() {
        byte[] latin1 = "version: 1\nrules: []\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> new PolicyLoader().load("latin1.yaml", latin1))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("invalid policy latin1.yaml: the file is not valid UTF-8 text");
    }

    @Test
    void unknownToolMessageSaysWhenNoToolsAreRegistered() {
        assertThatThrownBy(() -> new PolicyLoader(Set.of())
                        .load("policy.yaml", UNKNOWN_TOOL_POLICY.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        PolicyException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "line 4, rule 'refunds' (#1): unknown tool 'issue_refund' (no tools are registered)",
                                        "line 4, rule 'refunds' (#1): unknown tool 'issue_refnud' (no tools are registered)"));
    }

    @Test
    void policyIsImmutable() {
        Policy policy = TestTools.demoPolicy();

        assertThatThrownBy(() -> policy.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.rules().get(1).tiers().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(List.copyOf(policy.warnings())).isEmpty();
    }
}
