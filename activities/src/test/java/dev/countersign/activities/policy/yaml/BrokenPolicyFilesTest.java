package dev.countersign.activities.policy.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.TestTools;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file under policies/broken/ fails to load with one message naming file, line, rule and problem. */
class BrokenPolicyFilesTest {

    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry(
                    "bad-yaml.yaml",
                    "line 5, after rule 'small-refunds' (#1): not valid YAML: expected <block end>, but found"
                            + " '<block mapping start>' (column 4, while parsing a block collection)"),
            Map.entry(
                    "yaml-error-in-tier.yaml",
                    "line 11, rule 'refunds' (#2): not valid YAML: expected ',' or ']', but got :"
                            + " (column 18, while parsing a flow sequence)"),
            Map.entry(
                    "unknown-key.yaml",
                    "line 5, rule 'small-refunds' (#1): unknown key 'whn'"
                            + " (expected name, tool, when, outcome, reason, tiers, on-timeout, review, shadow)"),
            Map.entry("duplicate-key.yaml", "line 6, rule 'refunds' (#1): 'outcome' appears twice"),
            Map.entry(
                    "negative-sla.yaml",
                    "line 9, rule 'large-refunds' (#1), tier #1: 'sla' must be positive, was -PT4H"),
            Map.entry("zero-sla.yaml", "line 9, rule 'large-refunds' (#1), tier #1: 'sla' must be positive, was PT0S"),
            Map.entry(
                    "sla-not-a-duration.yaml",
                    "line 9, rule 'large-refunds' (#1), tier #1: 'sla' must be an ISO-8601 duration such as PT30M,"
                            + " PT4H or P2D, was '4 hours'"),
            Map.entry(
                    "unresolved-placeholder-sla.yaml",
                    "line 9, rule 'large-refunds' (#1), tier #1: 'sla' must be an ISO-8601 duration such as PT30M,"
                            + " PT4H or P2D, was '${countersign.demo.finance-sla:PT4H}'"
                            + " (a ${...} placeholder that nothing resolved)"),
            Map.entry(
                    "bad-on-timeout.yaml",
                    "line 6, rule 'large-refunds' (#1): 'on-timeout' must be reject, cancel or approve, was 'escalate'"),
            Map.entry(
                    "on-timeout-on-auto-rule.yaml",
                    "line 7, rule 'small-refunds' (#1): 'on-timeout' only goes with outcome approve, this rule's is auto"),
            Map.entry(
                    "bad-carry-over.yaml",
                    "line 10, rule 'large-refunds' (#1), tier #2: 'carry-over-approvals' must be true or false,"
                            + " was 'sometimes'"),
            Map.entry(
                    "guard-without-when.yaml",
                    "line 3, guard 'low-confidence' (#1): missing 'when': a guard applies where its condition holds"
                            + " (to judge every call of a tool, write a rule)"),
            Map.entry(
                    "never-auto-without-tiers.yaml",
                    "line 3, guard 'irreversible' (#1): never-auto needs 'tiers': who approves the calls it keeps"
                            + " from running on their own"),
            Map.entry(
                    "never-auto-false.yaml",
                    "line 5, guard 'irreversible' (#1): 'never-auto' can only be true; remove the guard to turn it off"),
            Map.entry(
                    "guard-with-outcome-auto.yaml",
                    "line 5, guard 'confident' (#1): a guard's 'outcome' must be approve or deny, was 'auto'"
                            + " (a guard can only add review or deny; rules decide what runs on its own)"),
            Map.entry(
                    "guard-without-outcome.yaml",
                    "line 3, guard 'low-confidence' (#1): missing 'outcome': a guard needs outcome approve or deny,"
                            + " or never-auto: true"),
            Map.entry(
                    "guard-with-outcome-and-never-auto.yaml",
                    "line 6, guard 'irreversible' (#1): a guard takes 'outcome' or 'never-auto', not both"),
            Map.entry(
                    "tiers-on-deny-guard.yaml",
                    "line 6, guard 'weekend-freeze' (#1): 'tiers' only go with outcome approve or never-auto,"
                            + " this guard denies"),
            Map.entry(
                    "on-timeout-on-deny-guard.yaml",
                    "line 6, guard 'weekend-freeze' (#1): 'on-timeout' only goes with outcome approve or never-auto,"
                            + " this guard denies"),
            Map.entry(
                    "guard-unknown-tool.yaml",
                    "line 4, guard 'big-wires' (#1): unknown tool 'wire_money'"
                            + " (known tools: delete_account, issue_refund, lookup_order, send_email)"),
            Map.entry(
                    "guard-cel-type-error.yaml",
                    "line 4, guard 'unsure' (#1): 'when' is not a valid condition: found no matching overload"
                            + " for '_<_' applied to '(double, string)' at column 12 of `confidence < \"low\"`"),
            Map.entry(
                    "unknown-key-in-guard.yaml",
                    "line 4, guard 'unsure' (#1): unknown key 'tools'"
                            + " (expected name, tool, when, outcome, never-auto, reason, tiers, on-timeout)"),
            Map.entry(
                    "yaml-error-in-guard.yaml",
                    "line 8, guard 'low-confidence' (#1): not valid YAML: expected ',' or ']', but got :"
                            + " (column 6, while parsing a flow sequence)"),
            Map.entry(
                    "duplicate-guard-and-rule-name.yaml",
                    "line 8, rule 'refunds' (#1): duplicate rule name 'refunds': the guard at line 3 has it too"),
            Map.entry("guards-not-a-list.yaml", "line 3: 'guards' must be a list of guards"),
            Map.entry(
                    "shadow-at-top-level.yaml",
                    "line 2: 'shadow' goes on a rule: write the rule whose verdict you want to see, with"
                            + " 'shadow: true', beside the rule that is enforced"),
            Map.entry(
                    "review-on-deny-rule.yaml",
                    "line 6, rule 'no-deletes' (#1): a deny rule runs nothing, so it has nothing to review"),
            Map.entry(
                    "review-window-not-a-duration.yaml",
                    "line 8, rule 'small-refunds' (#1): the review 'window' must be an ISO-8601 duration such as"
                            + " PT24H or P7D, was 'one day'"),
            Map.entry(
                    "review-sample-out-of-range.yaml",
                    "line 7, rule 'small-refunds' (#1): the review 'sample' must be a rate from 0 to 1 (such as 0.2)"
                            + " or a percentage (such as 20%), was '1.5'"),
            Map.entry("review-without-window.yaml", "line 7, rule 'small-refunds' (#1): missing 'window'"),
            Map.entry(
                    "shadow-rule-with-review.yaml",
                    "line 8, rule 'relax-refunds' (#1): a shadow rule runs nothing, so it has nothing to review;"
                            + " remove 'review'"),
            Map.entry(
                    "shadow-not-a-flag.yaml",
                    "line 6, rule 'relax-refunds' (#1): 'shadow' must be true or false, was 'maybe'"),
            Map.entry("missing-name.yaml", "line 6, rule #2: missing 'name'"),
            Map.entry("missing-tool.yaml", "line 3, rule 'small-refunds' (#1): missing 'tool'"),
            Map.entry("missing-outcome.yaml", "line 3, rule 'lookups' (#1): missing 'outcome'"),
            Map.entry(
                    "rule-not-a-mapping.yaml", "line 6, rule #2: a rule must be a mapping with name, tool and outcome"),
            Map.entry(
                    "duplicate-rule-name.yaml",
                    "line 7, rule 'refunds' (#2): duplicate rule name 'refunds': the rule at line 3 has it too"),
            Map.entry(
                    "bad-outcome.yaml",
                    "line 5, rule 'lookups' (#1): 'outcome' must be auto, approve or deny, was 'allow'"),
            Map.entry(
                    "approve-without-tiers.yaml",
                    "line 3, rule 'medium-refunds' (#1): outcome approve needs 'tiers':"
                            + " who approves and how many approvals are needed"),
            Map.entry(
                    "tiers-on-deny.yaml",
                    "line 6, rule 'no-deletes' (#1): 'tiers' only go with outcome approve, this rule's is deny"),
            Map.entry("tier-without-groups.yaml", "line 7, rule 'medium-refunds' (#1), tier #1: missing 'groups'"),
            Map.entry(
                    "zero-approvals.yaml",
                    "line 8, rule 'medium-refunds' (#1), tier #1: 'approvals' must be at least 1, was 0"),
            Map.entry(
                    "approvals-not-a-number.yaml",
                    "line 8, rule 'medium-refunds' (#1), tier #1: 'approvals' must be a whole number, was 'two'"),
            Map.entry(
                    "cel-syntax-error.yaml",
                    "line 5, rule 'small-refunds' (#1): 'when' is not a valid condition: mismatched input '<EOF>'"
                            + " expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT,"
                            + " NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER} at column 15 of `args.amount <=`"),
            Map.entry(
                    "cel-undeclared-variable.yaml",
                    "line 5, rule 'small-refunds' (#1): 'when' is not a valid condition:"
                            + " undeclared reference to 'amount' at column 1 of `amount <= 10`"),
            Map.entry(
                    "cel-type-error.yaml",
                    "line 5, rule 'unsure' (#1): 'when' is not a valid condition: found no matching overload"
                            + " for '_<_' applied to '(double, string)' at column 12 of `confidence < \"high\"`"),
            Map.entry(
                    "cel-not-boolean.yaml",
                    "line 5, rule 'small-refunds' (#1): 'when' is not a valid condition:"
                            + " it must be true or false, but its type is int"),
            Map.entry(
                    "cel-dyn-result.yaml",
                    "line 5, rule 'urgent-emails' (#1): 'when' is not a valid condition: it must be true or"
                            + " false, but its type is dyn; compare explicitly, for example args.urgent == true"),
            Map.entry(
                    "cel-error-in-second-line.yaml",
                    "line 7, rule 'euro-refunds' (#1): 'when' is not a valid condition:"
                            + " undeclared reference to 'limit' at column 16 of `args.amount <= limit`"),
            Map.entry(
                    "unknown-tool.yaml",
                    "line 4, rule 'refunds' (#1): unknown tool 'issue_refnud'"
                            + " (known tools: delete_account, issue_refund, lookup_order, send_email)"),
            Map.entry(
                    "unsupported-version.yaml",
                    "line 1: unsupported 'version' 2; this version of Countersign reads version 1"),
            Map.entry(
                    "bad-default.yaml",
                    "line 2: 'default' must be deny or auto, was 'approve'"
                            + " (for approval by default, end the rules with one for tool \"*\")")));

    static Stream<Arguments> brokenFiles() {
        return EXPECTED.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenPolicyFailsWithOneMessageNamingFileLineRuleAndProblem(String file, String problem) {
        String source = "classpath:policies/broken/" + file;

        assertThatThrownBy(() -> new PolicyLoader(TestTools.REGISTRY.names()).loadResource("policies/broken/" + file))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("invalid policy " + source + ": " + problem);
                    assertThat(e.problems()).containsExactly(problem);
                    assertThat(e.source()).isEqualTo(source);
                });
    }

    @Test
    void everyBrokenFileHasAnExpectedMessage() throws IOException, URISyntaxException {
        Path dir = Path.of(
                getClass().getClassLoader().getResource("policies/broken").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }
}
