package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.call;
import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardsRaiseReviewTest {

    private final Policy policy = TestTools.policy("""
            version: 1
            default: deny
            guards:
              - name: low-confidence-refunds
                tool: issue_refund
                when: confidence < 0.7
                outcome: approve
                reason: the agent is unsure about this refund
                tiers:
                  - groups: [support-leads]
            rules:
              - name: small-refunds
                tool: issue_refund
                when: args.amount <= 10
                outcome: auto
              - name: medium-refunds
                tool: issue_refund
                when: args.amount <= 1000
                outcome: approve
                tiers:
                  - groups: [support-leads]
                    sla: PT2H
              - name: large-refunds
                tool: issue_refund
                outcome: approve
                tiers:
                  - groups: [finance]
                    approvals: 2
              - name: lookups
                tool: lookup_order
                outcome: auto
            """);

    @Test
    void smallRefundWithLowConfidenceNeedsASupportLead() {
        PolicyVerdict verdict = policy.evaluate(refund(5, 0.4));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("low-confidence-refunds+small-refunds");
        assertThat(verdict.tiers()).containsExactly(new ApprovalTier(null, List.of("support-leads"), 1, null));
        assertThat(verdict.reason())
                .isEqualTo("guard 'low-confidence-refunds' requires review: the agent is unsure about this refund;"
                        + " rule 'small-refunds' alone would run the call without review;"
                        + " tiers of guard 'low-confidence-refunds'");
        assertThat(verdict.policyHash()).isEqualTo(policy.hash());
    }

    @Test
    void smallRefundWithHighConfidenceStillRunsOnItsOwn() {
        PolicyVerdict verdict = policy.evaluate(refund(5, 0.9));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("small-refunds");
    }

    @Test
    void unknownConfidenceCountsAsLow() {
        PolicyVerdict verdict = policy.evaluate(TestTools.request(new dev.countersign.agent.ToolCall(
                "issue_refund", Map.of("orderId", "A-1", "amount", 5, "currency", "EUR"), "", null, List.of())));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void guardThatIsNotStricterKeepsTheRulesTiersAndIsNamedBesideIt() {
        PolicyVerdict verdict = policy.evaluate(refund(250, 0.4));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("low-confidence-refunds+medium-refunds");
        assertThat(verdict.tiers())
                .containsExactly(new ApprovalTier(null, List.of("support-leads"), 1, Duration.ofHours(2)));
        assertThat(verdict.reason())
                .endsWith("rule 'medium-refunds' requires approval;"
                        + " tiers of rule 'medium-refunds' (no guard's first tier needs more approvals)");
    }

    @Test
    void ruleThatAsksForMoreApprovalsKeepsItsTiers() {
        PolicyVerdict verdict = policy.evaluate(refund(5000, 0.4));

        assertThat(verdict.rule()).isEqualTo("low-confidence-refunds+large-refunds");
        assertThat(verdict.tiers())
                .singleElement()
                .satisfies(tier -> assertThat(tier.approvals()).isEqualTo(2));
    }

    @Test
    void guardWithMoreApprovalsInItsFirstTierWinsOverTheRule() {
        Policy strict = TestTools.policy("""
                version: 1
                guards:
                  - name: unsure
                    when: confidence < 0.5
                    outcome: approve
                    on-timeout: cancel
                    tiers:
                      - groups: [risk]
                        approvals: 2
                        sla: PT1H
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - groups: [support-leads]
                """);

        PolicyVerdict verdict = strict.evaluate(refund(5, 0.2));

        assertThat(verdict.rule()).isEqualTo("unsure+refunds");
        assertThat(verdict.tiers()).containsExactly(new ApprovalTier(null, List.of("risk"), 2, Duration.ofHours(1)));
        assertThat(verdict.onTimeout()).isEqualTo(TimeoutOutcome.CANCEL);
        assertThat(verdict.reason())
                .isEqualTo("guard 'unsure' requires review: confidence < 0.5; rule 'refunds' requires approval;"
                        + " tiers of guard 'unsure' (stricter: its first tier needs 2 approvals, the rule's 1)");
    }

    @Test
    void guardAppliesOnlyToItsTools() {
        PolicyRequest unsureLookup = TestTools.request(
                new dev.countersign.agent.ToolCall("lookup_order", Map.of("orderId", "A-1"), "", 0.1, List.of()));

        assertThat(policy.evaluate(unsureLookup).outcome()).isEqualTo(Outcome.AUTO);
    }

    @Test
    void guardWithoutToolAppliesToEveryTool() {
        Policy everyTool = TestTools.policy("""
                version: 1
                default: auto
                guards:
                  - name: unsure
                    when: confidence < 0.5
                    outcome: approve
                    tiers: [{groups: [support-leads]}]
                rules: []
                """);
        PolicyRequest unsureLookup = TestTools.request(
                new dev.countersign.agent.ToolCall("lookup_order", Map.of("orderId", "A-1"), "", 0.1, List.of()));

        PolicyVerdict verdict = everyTool.evaluate(unsureLookup);

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("unsure");
        assertThat(verdict.reason())
                .isEqualTo("guard 'unsure' requires review: confidence < 0.5;"
                        + " no rule matches, and the default alone would run the call without review;"
                        + " tiers of guard 'unsure'");
        assertThat(everyTool
                        .evaluate(call("lookup_order", Map.of("orderId", "A-1")))
                        .outcome())
                .isEqualTo(Outcome.AUTO);
    }

    @Test
    void strictestOfSeveralGuardsWinsAndTheEarlierOneOnATie() {
        Policy guarded = TestTools.policy("""
                version: 1
                guards:
                  - name: unsure
                    when: confidence < 0.5
                    outcome: approve
                    tiers: [{groups: [support-leads]}]
                  - name: euro
                    when: args.currency == "EUR"
                    outcome: approve
                    tiers: [{groups: [euro-desk]}]
                  - name: big
                    when: args.amount > 100
                    outcome: approve
                    tiers: [{groups: [finance], approvals: 2}]
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: auto
                """);

        PolicyVerdict small = guarded.evaluate(refund(5, 0.2));
        PolicyVerdict big = guarded.evaluate(refund(500, 0.2));

        assertThat(small.rule()).isEqualTo("unsure+euro+refunds");
        assertThat(small.tiers()).extracting(ApprovalTier::groups).containsExactly(List.of("support-leads"));
        assertThat(small.reason()).endsWith("tiers of guard 'unsure' (its first tier needs the most approvals)");
        assertThat(big.rule()).isEqualTo("unsure+euro+big+refunds");
        assertThat(big.tiers()).extracting(ApprovalTier::groups).containsExactly(List.of("finance"));
    }
}
