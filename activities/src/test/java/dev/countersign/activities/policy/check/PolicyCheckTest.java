package dev.countersign.activities.policy.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.activities.policy.PolicyException;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.activities.policy.yaml.PolicyFinding;
import dev.countersign.activities.policy.yaml.PolicyLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckTest {

    private static final Set<String> TOOLS = TestTools.REGISTRY.names();

    private static final String TWO_FINANCE_APPROVALS = """
            version: 1
            rules:
              - name: large-refunds
                tool: issue_refund
                outcome: approve
                tiers:
                  - name: finance
                    groups: [finance]
                    approvals: 2
                    sla: PT4H
                  - name: managers
                    groups: [finance, finance-managers]
                    approvals: 3
            """;

    @TempDir
    Path dir;

    @Test
    void validPolicyHasNoFindings() throws IOException {
        PolicyReport report = new PolicyCheck().check(write(TWO_FINANCE_APPROVALS), TOOLS, Map.of());

        assertThat(report.valid()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void errorsAreTheLoadersProblems() throws URISyntaxException {
        Path broken = Path.of(getClass()
                .getClassLoader()
                .getResource("policies/broken/negative-sla.yaml")
                .toURI());

        PolicyReport report = new PolicyCheck().check(broken, TOOLS, Map.of());
        PolicyException loaderSays =
                catchThrowableOfType(PolicyException.class, () -> new PolicyLoader(TOOLS).load(broken));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).extracting(PolicyFinding::text).isEqualTo(loaderSays.problems());
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.where()).isEqualTo("rule 'large-refunds' (#1), tier #1");
            assertThat(error.severity()).isEqualTo(PolicyFinding.Severity.ERROR);
        });
    }

    @Test
    void ruleAfterAnUnconditionalRuleForTheSameToolsIsAWarning() throws IOException {
        PolicyReport report = new PolicyCheck().check(write("""
                                version: 1
                                rules:
                                  - name: lookups
                                    tool: lookup_order
                                    outcome: auto
                                  - name: vip-lookups
                                    tool: lookup_order
                                    when: args.orderId.startsWith("VIP-")
                                    outcome: deny
                                """), TOOLS, Map.of());

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings())
                .extracting(PolicyFinding::text)
                .containsExactly("line 6, rule 'vip-lookups': can never match: rule 'lookups' at line 3 already"
                        + " matches every call to its tools");
    }

    @Test
    void approvalsAboveTheMembersOfTheTiersGroupsIsOnlyAWarning() throws IOException {
        PolicyReport report = new PolicyCheck()
                .check(write(TWO_FINANCE_APPROVALS), TOOLS, Map.of("finance", 1, "finance-managers", 1));

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings())
                .extracting(PolicyFinding::text)
                .containsExactly(
                        "line 7, rule 'large-refunds' (#1), tier #1: 'approvals' is 2 but group 'finance' has"
                                + " 1 member, so this tier can never reach quorum",
                        "line 11, rule 'large-refunds' (#1), tier #2: 'approvals' is 3 but groups 'finance',"
                                + " 'finance-managers' have at most 2 members together, so this tier can never"
                                + " reach quorum");
    }

    @Test
    void tierWithAGroupOfUnknownSizeIsNotCompared() throws IOException {
        PolicyReport report = new PolicyCheck().check(write(TWO_FINANCE_APPROVALS), TOOLS, Map.of("finance", 2));

        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void toolNamesAreCheckedOnlyWhenKnown() throws IOException {
        Path file = write("""
                version: 1
                rules:
                  - name: wires
                    tool: wire_money
                    outcome: deny
                """);

        assertThat(new PolicyCheck().check(file, null, null).valid()).isTrue();
        assertThat(new PolicyCheck().check(file, TOOLS, null).errors())
                .extracting(PolicyFinding::line)
                .containsExactly(4);
    }

    @Test
    void placeholdersTakeTheirDefaultsUnlessAnotherPreprocessorIsGiven() throws IOException {
        Path file = write(TWO_FINANCE_APPROVALS.replace("PT4H", "${countersign.demo.finance-sla:PT4H}"));

        assertThat(new PolicyCheck().check(file, TOOLS, Map.of()).valid()).isTrue();
        assertThat(new PolicyCheck(text -> text.replace("${countersign.demo.finance-sla:PT4H}", "-PT1H"))
                        .check(file, TOOLS, Map.of())
                        .errors())
                .extracting(PolicyFinding::text)
                .containsExactly("line 10, rule 'large-refunds' (#1), tier #1: 'sla' must be positive, was -PT1H");
    }

    @Test
    void preprocessorThatFailsIsAnError() throws IOException {
        Path file = write(TWO_FINANCE_APPROVALS);

        PolicyReport report = new PolicyCheck(text -> {
                    throw new IllegalArgumentException("Could not resolve placeholder 'x'");
                })
                .check(file, TOOLS, Map.of());

        assertThat(report.errors())
                .extracting(PolicyFinding::text)
                .containsExactly("cannot pre-process the policy text: Could not resolve placeholder 'x'");
    }

    @Test
    void fileThatCannotBeReadIsAnErrorWithoutLine() {
        PolicyReport report = new PolicyCheck().check(dir.resolve("missing.yaml"), TOOLS, Map.of());

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isZero();
            assertThat(error.text()).startsWith("cannot read the file: java.nio.file.NoSuchFileException");
        });
    }

    private Path write(String policy) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), policy);
    }
}
