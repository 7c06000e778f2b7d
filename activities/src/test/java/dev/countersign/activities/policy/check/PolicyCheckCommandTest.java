package dev.countersign.activities.policy.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckCommandTest {

    private static final String VALID = """
            version: 1
            rules:
              - name: refunds
                tool: issue_refund
                outcome: approve
                tiers:
                  - groups: [finance]
                    approvals: 2
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validPolicyExitsZeroAndSaysSo() throws IOException {
        Path file = write(VALID);

        assertThat(run(file.toString())).isEqualTo(PolicyCheck.VALID).isZero();
        assertThat(lines(out)).containsExactly(file + ": valid");
        assertThat(lines(err)).isEmpty();
    }

    @Test
    void policyWithOnlyWarningsExitsZeroWithOneLinePerWarning() throws IOException {
        Path file = write(VALID);

        assertThat(run(file.toString(), "--groups", "finance=1")).isZero();
        assertThat(lines(out))
                .containsExactly(
                        "warning: line 7, rule 'refunds' (#1), tier #1: 'approvals' is 2 but group 'finance' has"
                                + " 1 member, so this tier can never reach quorum",
                        file + ": valid, 1 warning");
    }

    @Test
    void policyWithErrorsExitsOneWithOneLinePerError() throws IOException {
        Path file = write(VALID.replace("outcome: approve", "outcome: approve\n    on-timeout: later")
                .replace("approvals: 2", "approvals: 0"));

        assertThat(run(file.toString())).isEqualTo(PolicyCheck.INVALID).isOne();
        assertThat(lines(out))
                .containsExactly(
                        "error: line 6, rule 'refunds' (#1): 'on-timeout' must be reject, cancel or approve,"
                                + " was 'later'",
                        "error: line 9, rule 'refunds' (#1), tier #1: 'approvals' must be at least 1, was 0",
                        file + ": invalid, 2 errors, 0 warnings");
    }

    @Test
    void toolsOptionRefusesUnknownTools() throws IOException {
        Path file = write(VALID);

        assertThat(run(file.toString(), "--tools", "lookup_order, send_email")).isOne();
        assertThat(lines(out).get(0))
                .isEqualTo("error: line 4, rule 'refunds' (#1): unknown tool 'issue_refund'"
                        + " (known tools: lookup_order, send_email)");
        assertThat(run(file.toString(), "--tools", "issue_refund")).isZero();
    }

    @Test
    void placeholdersAreReadWithTheirDefaults() throws IOException {
        Path file = write(VALID.replace("approvals: 2", "approvals: 2\n        sla: ${finance-sla:PT4H}"));

        assertThat(run(file.toString())).isZero();
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        assertThat(run()).isEqualTo(PolicyCheck.USAGE).isEqualTo(2);
        assertThat(lines(err)).containsExactly("PolicyCheck: FILE is missing", PolicyCheck.USAGE_TEXT);
        assertThat(lines(out)).isEmpty();
    }

    @Test
    void wrongOptionsAreUsageErrors() throws IOException {
        String file = write(VALID).toString();

        assertThat(run(file, "--tool", "a")).isEqualTo(2);
        assertThat(run(file, "--tools")).isEqualTo(2);
        assertThat(run(file, "--groups", "finance")).isEqualTo(2);
        assertThat(run(file, "--groups", "finance=-1")).isEqualTo(2);
        assertThat(run(file, file)).isEqualTo(2);
        assertThat(lines(out)).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(lines(out)).containsExactly(PolicyCheck.USAGE_TEXT);
    }

    @Test
    void missingFileExitsOne() {
        assertThat(run(dir.resolve("nope.yaml").toString())).isOne();
        assertThat(lines(out).get(0)).startsWith("error: cannot read the file: ");
    }

    private int run(String... args) {
        return PolicyCheck.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path write(String policy) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), policy);
    }
}
