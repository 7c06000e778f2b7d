package dev.countersign.activities.policy.cel;

import static dev.countersign.activities.policy.TestTools.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionErrorsDenyTest {

    private final Policy policy = TestTools.policy("""
            version: 1
            default: auto
            rules:
              - name: vip-lookups
                tool: lookup_order
                when: args.customerTier == "vip"
                outcome: approve
                tiers: [{groups: [support-leads]}]
              - name: other-lookups
                tool: lookup_order
                outcome: auto
            """);

    @Test
    void conditionThatFailsDeniesTheCallNamingRuleAndError() {
        PolicyVerdict verdict = policy.evaluate(call("lookup_order", Map.of("orderId", "A-1")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("vip-lookups");
        assertThat(verdict.reason())
                .startsWith("policy rule 'vip-lookups' could not evaluate its condition, so the call is denied: ")
                .contains("key 'customerTier' is not present in map");
        assertThat(verdict.argumentsInvalid()).isFalse();
        assertThat(verdict.policyHash()).isEqualTo(policy.hash());
    }

    @Test
    void conditionThatFailsIsNeverSkippedToALaterAutoRule() {
        assertThat(policy.evaluate(call("lookup_order", Map.of("orderId", "A-1")))
                        .outcome())
                .isNotEqualTo(Outcome.AUTO);
    }

    @Test
    void conditionThatWorksStillRoutes() {
        assertThat(policy.evaluate(call("lookup_order", Map.of("orderId", "A-1", "customerTier", "vip")))
                        .rule())
                .isEqualTo("vip-lookups");
        assertThat(policy.evaluate(call("lookup_order", Map.of("orderId", "A-1", "customerTier", "gold")))
                        .rule())
                .isEqualTo("other-lookups");
    }

    @Test
    void conditionOfAnotherToolIsNotEvaluated() {
        assertThat(policy.evaluate(call("send_email", Map.of("to", "a", "subject", "b", "body", "c")))
                        .outcome())
                .isEqualTo(Outcome.AUTO);
    }

    @Test
    void arithmeticMixingWholeAndFractionalNumbersDenies() {
        Policy arithmetic = TestTools.policy("""
                version: 1
                default: auto
                rules:
                  - name: doubled
                    tool: issue_refund
                    when: args.amount * 2 > 100
                    outcome: deny
                """);

        PolicyVerdict verdict = arithmetic.evaluate(TestTools.refund(10.5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.reason()).contains("could not evaluate its condition");
    }

    @Test
    void convertingToDoubleMakesArithmeticWorkForAnyNumber() {
        Policy arithmetic = TestTools.policy("""
                version: 1
                default: auto
                rules:
                  - name: doubled
                    tool: issue_refund
                    when: double(args.amount) * 2.0 > 100.0
                    outcome: deny
                """);

        assertThat(arithmetic.evaluate(TestTools.refund(10.5)).outcome()).isEqualTo(Outcome.AUTO);
        assertThat(arithmetic.evaluate(TestTools.refund(60)).rule()).isEqualTo("doubled");
    }
}
