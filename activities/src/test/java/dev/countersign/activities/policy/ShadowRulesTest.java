package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.ShadowVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowRulesTest {

    private final Policy policy = TestTools.policy("""
            version: 1
            rules:
              - name: relax-medium-refunds
                tool: issue_refund
                when: args.amount <= 250
                outcome: auto
                shadow: true
              - name: tighten-lookups
                tool: lookup_order
                when: args.orderId.startsWith("VIP")
                outcome: approve
                tiers:
                  - groups: [support-leads]
                shadow: true
              - name: broken-shadow
                tool: send_email
                when: args.missing > 3
                outcome: deny
                shadow: true
              - name: small-refunds
                tool: issue_refund
                when: args.amount <= 10
                outcome: auto
              - name: medium-refunds
                tool: issue_refund
                outcome: approve
                tiers:
                  - groups: [support-leads]
              - name: lookups
                tool: lookup_order
                outcome: auto
              - name: emails
                tool: send_email
                outcome: auto
            """);

    @Test
    void aShadowRuleNeverDecidesButItsVerdictIsRecorded() {
        PolicyVerdict verdict = policy.evaluate(refund(200));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("medium-refunds");
        assertThat(verdict.shadow()).isEqualTo(new ShadowVerdict("relax-medium-refunds", Outcome.AUTO, List.of()));
    }

    @Test
    void callsTheShadowRuleDoesNotMatchRecordNoShadow() {
        PolicyVerdict verdict = policy.evaluate(refund(600));

        assertThat(verdict.rule()).isEqualTo("medium-refunds");
        assertThat(verdict.shadow()).isNull();
    }

    @Test
    void aShadowRuleCanShowWhatTighteningWouldDo() {
        PolicyVerdict verdict = policy.evaluate(TestTools.call("lookup_order", Map.of("orderId", "VIP-7")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.shadow().outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.shadow().tiers()).extracting(ApprovalTier::groups).containsExactly(List.of("support-leads"));
    }

    @Test
    void aShadowConditionThatFailsIsSkippedInsteadOfDenyingTheCall() {
        PolicyVerdict verdict = policy.evaluate(
                TestTools.call("send_email", Map.of("to", "a@example.com", "subject", "s", "body", "b")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("emails");
        assertThat(verdict.shadow()).isNull();
    }

    @Test
    void aCatchAllShadowRuleDoesNotMakeLaterRulesUnreachable() {
        Policy loaded = TestTools.policy("""
                version: 1
                rules:
                  - name: relax-everything
                    tool: "*"
                    outcome: auto
                    shadow: true
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - groups: [support-leads]
                """);

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.evaluate(refund(5)).shadow().rule()).isEqualTo("relax-everything");
    }
}
