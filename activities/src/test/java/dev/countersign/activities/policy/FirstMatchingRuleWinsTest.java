package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.call;
import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstMatchingRuleWinsTest {

    @Test
    void earlierRuleWinsOverALaterOneThatAlsoMatches() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds-to-finance
                    tool: issue_refund
                    outcome: approve
                    tiers: [{groups: [finance]}]
                  - name: tiny-refunds
                    tool: issue_refund
                    when: args.amount < 1
                    outcome: auto
                """);

        assertThat(policy.evaluate(refund(0.5)).rule()).isEqualTo("refunds-to-finance");
    }

    @Test
    void ruleWhoseConditionIsFalseIsSkipped() {
        Policy policy = TestTools.demoPolicy();

        assertThat(policy.evaluate(refund(11)).rule()).isEqualTo("medium-refunds");
    }

    @Test
    void callMatchingNoRuleIsDeniedByDefaultNamingTheTool() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: lookups
                    tool: lookup_order
                    outcome: auto
                """);

        PolicyVerdict verdict = policy.evaluate(refund(5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isNull();
        assertThat(verdict.reason()).isEqualTo("no policy rule matches tool issue_refund");
        assertThat(verdict.argumentsInvalid()).isFalse();
        assertThat(verdict.policyHash()).isEqualTo(policy.hash());
    }

    @Test
    void defaultAutoRunsCallsMatchingNoRule() {
        Policy policy = TestTools.policy("""
                version: 1
                default: auto
                rules:
                  - name: no-deletes
                    tool: delete_account
                    outcome: deny
                """);

        PolicyVerdict verdict = policy.evaluate(call("lookup_order", Map.of("orderId", "A-1")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isNull();
        assertThat(verdict.reason()).isEmpty();
    }

    @Test
    void policyWithNoRulesAppliesItsDefault() {
        Policy policy = TestTools.policy("version: 1\nrules: []\n");

        assertThat(policy.evaluate(refund(5)).outcome()).isEqualTo(Outcome.DENY);
    }

    @Test
    void denyRuleWithoutReasonGetsOneNamingTheRule() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: no-deletes
                    tool: delete_account
                    outcome: deny
                """);

        assertThat(policy.evaluate(call("delete_account", Map.of("accountId", "C-1")))
                        .reason())
                .isEqualTo("denied by policy rule 'no-deletes'");
    }

    @Test
    void starRuleCoversEveryTool() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: unsure-model
                    tool: "*"
                    when: confidence < 0.5
                    outcome: approve
                    tiers: [{groups: [support]}]
                  - name: rest
                    tool: [lookup_order, issue_refund]
                    outcome: auto
                """);

        PolicyRequest unsure = TestTools.request(new ToolCall("lookup_order", Map.of("orderId", "A-1"), "", 0.2, null));

        assertThat(policy.evaluate(unsure).rule()).isEqualTo("unsure-model");
        assertThat(policy.evaluate(refund(5)).rule()).isEqualTo("rest");
    }

    @Test
    void tiersAreReturnedInOrderWithDefaults() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: big
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - groups: [support-leads, support-managers]
                      - name: finance
                        groups: finance
                        approvals: 2
                """);

        assertThat(policy.evaluate(refund(5)).tiers())
                .containsExactly(
                        new ApprovalTier(null, List.of("support-leads", "support-managers"), 1, null),
                        new ApprovalTier("finance", List.of("finance"), 2, null));
    }
}
