package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import org.junit.jupiter.api.Test;

class DenyWinsTest {

    private static final String GUARDS = """
            version: 1
            guards:
              - name: unsure
                when: confidence < 0.7
                outcome: approve
                tiers: [{groups: [support-leads]}]
              - name: refund-freeze
                tool: issue_refund
                when: task.input.frozen == true
                outcome: deny
                reason: refunds are frozen for this customer
            """;

    private static PolicyRequest refundFor(Object amount, double confidence, boolean frozen) {
        PolicyRequest request = refund(amount, confidence);
        return new PolicyRequest(
                request.taskId(),
                request.agent(),
                request.requester(),
                java.util.Map.of("frozen", frozen),
                request.call());
    }

    @Test
    void denyGuardWinsOverARuleThatWouldRunTheCall() {
        Policy policy = TestTools.policy(GUARDS + """
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: auto
                """);

        PolicyVerdict verdict = policy.evaluate(refundFor(5, 0.9, true));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("refund-freeze");
        assertThat(verdict.reason()).isEqualTo("refunds are frozen for this customer");
        assertThat(verdict.tiers()).isEmpty();
    }

    @Test
    void denyGuardWinsOverAnApprovingRuleAndAnApproveGuard() {
        Policy policy = TestTools.policy(GUARDS + """
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers: [{groups: [finance]}]
                """);

        PolicyVerdict verdict = policy.evaluate(refundFor(5, 0.2, true));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("refund-freeze");
    }

    @Test
    void denyingRuleWinsOverAnApproveGuard() {
        Policy policy = TestTools.policy(GUARDS + """
                rules:
                  - name: no-refunds
                    tool: issue_refund
                    outcome: deny
                """);

        PolicyVerdict verdict = policy.evaluate(refundFor(5, 0.2, false));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("no-refunds");
        assertThat(verdict.reason()).isEqualTo("denied by policy rule 'no-refunds'");
    }

    @Test
    void denyingDefaultWinsOverAnApproveGuard() {
        Policy policy = TestTools.policy(GUARDS + "rules: []\n");

        PolicyVerdict verdict = policy.evaluate(refundFor(5, 0.2, false));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isNull();
        assertThat(verdict.reason()).isEqualTo("no policy rule matches tool issue_refund");
    }

    @Test
    void denyGuardWithoutReasonGetsOneNamingTheGuard() {
        Policy policy = TestTools.policy("""
                version: 1
                default: auto
                guards:
                  - name: unsure
                    when: confidence < 0.3
                    outcome: deny
                rules: []
                """);

        assertThat(policy.evaluate(refund(5, 0.1)).reason()).isEqualTo("denied by policy guard 'unsure'");
        assertThat(policy.evaluate(refund(5, 0.9)).outcome()).isEqualTo(Outcome.AUTO);
    }

    @Test
    void guardWhoseConditionFailsDeniesNamingTheGuard() {
        Policy policy = TestTools.policy("""
                version: 1
                default: auto
                guards:
                  - name: vip
                    when: input.customerTier == "vip"
                    outcome: approve
                    tiers: [{groups: [support-leads]}]
                rules: []
                """);

        PolicyVerdict verdict = policy.evaluate(refund(5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("vip");
        assertThat(verdict.reason())
                .startsWith("policy guard 'vip' could not evaluate its condition, so the call is denied: ")
                .contains("customerTier");
    }
}
