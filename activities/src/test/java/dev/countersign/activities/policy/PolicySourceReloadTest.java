package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySourceReloadTest {

    private static final String AUTO_REFUNDS = """
            version: 1
            rules:
              - name: refunds
                tool: issue_refund
                outcome: auto
            """;

    private static final String DENY_REFUNDS = """
            version: 1
            rules:
              - name: refunds
                tool: issue_refund
                outcome: deny
                reason: refunds are paused
            """;

    @TempDir
    Path dir;

    @Test
    void reloadPutsTheEditedPolicyInForce() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), AUTO_REFUNDS);
        PolicySource source = new PolicySource(() -> new PolicyLoader(TestTools.REGISTRY.names()).load(file));
        PolicyActivitiesImpl activities = new PolicyActivitiesImpl(source, TestTools.REGISTRY);
        String firstHash = activities.evaluatePolicy(refund(5)).policyHash();

        Files.writeString(file, DENY_REFUNDS);
        Policy reloaded = source.reload();

        PolicyVerdict verdict = activities.evaluatePolicy(refund(5));
        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.reason()).isEqualTo("refunds are paused");
        assertThat(verdict.policyHash()).isEqualTo(reloaded.hash()).isNotEqualTo(firstHash);
        assertThat(source.current()).isSameAs(reloaded);
    }

    @Test
    void brokenEditKeepsThePolicyInForce() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), AUTO_REFUNDS);
        PolicySource source = new PolicySource(() -> new PolicyLoader().load(file));
        Policy before = source.current();

        Files.writeString(file, AUTO_REFUNDS.replace("outcome: auto", "outcome: sometimes"));

        assertThatThrownBy(source::reload)
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("'outcome' must be auto, approve or deny, was 'sometimes'");
        assertThat(source.current()).isSameAs(before);
    }

    @Test
    void brokenPolicyFailsTheStart() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "version: 1\n");

        assertThatThrownBy(() -> new PolicySource(() -> new PolicyLoader().load(file)))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("missing 'rules'");
    }

    @Test
    void fixedSourceKeepsItsPolicyOnReload() {
        Policy policy = TestTools.demoPolicy();
        PolicySource source = PolicySource.of(policy);

        assertThat(source.reload()).isSameAs(policy);
        assertThat(source.current()).isSameAs(policy);
    }
}
