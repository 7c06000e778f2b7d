package dev.countersign.activities.policy.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.TestTools;
import org.junit.jupiter.api.Test;

/** Things that load but are probably mistakes: each gives one warning with its line. */
class PolicyWarningsTest {

    @Test
    void onTimeoutWithoutAnySlaLoadsWithAWarning() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    on-timeout: approve
                    tiers:
                      - groups: [finance]
                """);

        assertThat(policy.warnings())
                .containsExactly("line 6, rule 'refunds' (#1): 'on-timeout' can never apply: no tier has an 'sla',"
                        + " so a request waits without limit");
    }

    @Test
    void onTimeoutBehindATierWithoutSlaLoadsWithAWarning() {
        Policy policy = TestTools.policy("""
                version: 1
                guards:
                  - name: unsure
                    when: confidence < 0.5
                    outcome: approve
                    on-timeout: cancel
                    tiers:
                      - groups: [support-leads]
                        sla: PT1H
                      - name: managers
                        groups: [support-managers]
                rules: []
                """);

        assertThat(policy.warnings())
                .containsExactly("line 6, guard 'unsure' (#1): 'on-timeout' can never apply: tier #2 'managers'"
                        + " has no 'sla', so a request waits there without limit");
    }

    @Test
    void tierAfterATierWithoutSlaIsNeverReached() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - name: finance
                        groups: [finance]
                      - groups: [finance-managers]
                        sla: PT4H
                """);

        assertThat(policy.warnings())
                .containsExactly("line 9, rule 'refunds' (#1), tier #2: this tier is never reached: tier #1 'finance'"
                        + " has no 'sla', so a request waits there without limit");
    }

    @Test
    void carryOverOnTheFirstTierHasNoEffect() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - groups: [finance]
                        carry-over-approvals: true
                """);

        assertThat(policy.warnings())
                .containsExactly("line 8, rule 'refunds' (#1), tier #1: 'carry-over-approvals' has no effect on the"
                        + " first tier: no approvals come before it");
    }

    @Test
    void guardsNeverMakeARuleUnreachable() {
        Policy policy = TestTools.policy("""
                version: 1
                guards:
                  - name: unsure
                    tool: issue_refund
                    when: "true"
                    outcome: deny
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: auto
                """);

        assertThat(policy.warnings()).isEmpty();
    }
}
