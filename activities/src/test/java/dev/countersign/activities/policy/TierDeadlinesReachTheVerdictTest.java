package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierDeadlinesReachTheVerdictTest {

    @Test
    void slaCarryOverAndOnTimeoutReachTheVerdict() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: large-refunds
                    tool: issue_refund
                    outcome: approve
                    on-timeout: approve
                    tiers:
                      - name: finance
                        groups: [finance]
                        approvals: 2
                        sla: PT4H
                      - name: finance-managers
                        groups: [finance, finance-managers]
                        approvals: 2
                        sla: P1D
                        carry-over-approvals: true
                """);

        PolicyVerdict verdict = policy.evaluate(refund(5000));

        assertThat(verdict.tiers())
                .containsExactly(
                        new ApprovalTier("finance", List.of("finance"), 2, Duration.ofHours(4), false),
                        new ApprovalTier(
                                "finance-managers",
                                List.of("finance", "finance-managers"),
                                2,
                                Duration.ofDays(1),
                                true));
        assertThat(verdict.onTimeout()).isEqualTo(TimeoutOutcome.APPROVE);
        assertThat(policy.warnings()).isEmpty();
    }

    @Test
    void onTimeoutIsRejectUnlessWritten() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers: [{groups: [finance], sla: PT30M}]
                """);

        assertThat(policy.evaluate(refund(5)).onTimeout()).isEqualTo(TimeoutOutcome.REJECT);
        assertThat(policy.rules().get(0).onTimeout()).isEqualTo(TimeoutOutcome.REJECT);
    }

    @Test
    void onTimeoutCancelAndCaseDoNotMatter() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    on-timeout: Cancel
                    tiers: [{groups: [finance], sla: pt30m, carry-over-approvals: FALSE}]
                """);

        PolicyVerdict verdict = policy.evaluate(refund(5));

        assertThat(verdict.onTimeout()).isEqualTo(TimeoutOutcome.CANCEL);
        assertThat(verdict.tiers().get(0).sla()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void tierWithoutSlaWaitsWithoutLimitAndDoesNotCarryOver() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers: [{groups: [finance]}]
                """);

        ApprovalTier tier = policy.evaluate(refund(5)).tiers().get(0);

        assertThat(tier.sla()).isNull();
        assertThat(tier.carryOverApprovals()).isFalse();
    }

    @Test
    void autoAndDenyVerdictsCarryTheDefaultOnTimeout() {
        Policy policy = TestTools.demoPolicy();

        assertThat(policy.evaluate(refund(5)).onTimeout()).isEqualTo(TimeoutOutcome.REJECT);
        assertThat(policy.rules().get(0).onTimeout()).isNull();
    }
}
