package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeverAutoGuardTest {

    private final PolicyActivitiesImpl activities = TestTools.activities(TestTools.policy("""
            version: 1
            guards:
              - name: irreversible-never-auto
                when: '"irreversible" in tags'
                never-auto: true
                tiers:
                  - name: admins
                    groups: [admins]
            rules:
              - name: deletions
                tool: delete_account
                outcome: auto
              - name: emails
                tool: send_email
                outcome: approve
                tiers:
                  - groups: [support-leads]
              - name: lookups
                tool: lookup_order
                outcome: auto
              - name: refunds
                tool: issue_refund
                outcome: deny
            """));

    @Test
    void irreversibleToolThatARuleWouldRunNeedsTheGuardsReview() {
        PolicyVerdict verdict = activities.evaluatePolicy(call("delete_account", Map.of("accountId", "C-7")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("irreversible-never-auto+deletions");
        assertThat(verdict.tiers()).extracting(ApprovalTier::name).containsExactly("admins");
        assertThat(verdict.onTimeout()).isEqualTo(TimeoutOutcome.REJECT);
        assertThat(verdict.reason())
                .isEqualTo("guard 'irreversible-never-auto' never lets this call run without review:"
                        + " \"irreversible\" in tags; rule 'deletions' alone would run the call without review;"
                        + " tiers of guard 'irreversible-never-auto'");
    }

    @Test
    void irreversibleTagOnTheCallItselfCountsToo() {
        PolicyVerdict verdict = activities.evaluatePolicy(TestTools.request(
                new ToolCall("lookup_order", Map.of("orderId", "A-1"), "", 0.9, List.of("irreversible"))));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("irreversible-never-auto+lookups");
    }

    @Test
    void callWithoutTheTagRunsAsTheRuleSays() {
        PolicyVerdict verdict = activities.evaluatePolicy(call("lookup_order", Map.of("orderId", "A-1")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("lookups");
    }

    @Test
    void neverAutoLeavesARuleThatAlreadyAsksForApprovalAsItIs() {
        PolicyVerdict verdict = activities.evaluatePolicy(TestTools.request(new ToolCall(
                "send_email",
                Map.of("to", "b@example.com", "subject", "s", "body", "b"),
                "",
                0.9,
                List.of("irreversible"))));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("emails");
        assertThat(verdict.tiers()).extracting(ApprovalTier::name).containsExactly("support-leads");
        assertThat(verdict.reason()).isEmpty();
    }

    @Test
    void neverAutoLeavesADenyingRuleDenying() {
        PolicyVerdict verdict = activities.evaluatePolicy(TestTools.request(new ToolCall(
                "issue_refund",
                Map.of("orderId", "A-1", "amount", 5, "currency", "EUR"),
                "",
                0.9,
                List.of("irreversible"))));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("refunds");
    }
}
