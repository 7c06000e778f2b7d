package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.call;
import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.tool.ArgsDigest;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoPolicyRoutingTest {

    private final Policy policy = TestTools.demoPolicy();
    private final PolicyActivitiesImpl activities = TestTools.activities(policy);

    @Test
    void refundOfFiveDollarsRunsWithoutApproval() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("small-refunds");
        assertThat(verdict.tiers()).isEmpty();
        assertThat(verdict.argumentsInvalid()).isFalse();
    }

    @Test
    void refundOfTwoHundredFiftyNeedsOneSupportLead() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(250));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("medium-refunds");
        assertThat(verdict.tiers()).singleElement().satisfies(tier -> {
            assertThat(tier.groups()).containsExactly("support-leads");
            assertThat(tier.approvals()).isEqualTo(1);
            assertThat(tier.name()).isEqualTo("support-leads");
            assertThat(tier.sla()).isNull();
        });
    }

    @Test
    void refundAboveOneThousandNeedsTwoFinanceApprovals() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(5000));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("large-refunds");
        assertThat(verdict.tiers()).singleElement().satisfies(tier -> {
            assertThat(tier.name()).isEqualTo("finance");
            assertThat(tier.groups()).containsExactly("finance");
            assertThat(tier.approvals()).isEqualTo(2);
        });
    }

    @Test
    void orderLookupRunsWithoutApproval() {
        PolicyVerdict verdict = activities.evaluatePolicy(call("lookup_order", Map.of("orderId", "A-1001")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("lookups-and-emails");
    }

    @Test
    void emailMatchesTheSecondToolOfARuleWithAToolList() {
        PolicyVerdict verdict = activities.evaluatePolicy(
                call("send_email", Map.of("to", "bob@example.com", "subject", "Your refund", "body", "Done.")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("lookups-and-emails");
    }

    @Test
    void accountDeletionIsDeniedWithTheRulesReason() {
        PolicyVerdict verdict = activities.evaluatePolicy(call("delete_account", Map.of("accountId", "C-7")));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(verdict.rule()).isEqualTo("no-deletes");
        assertThat(verdict.reason()).isEqualTo("accounts are never deleted by the agent");
        assertThat(verdict.argumentsInvalid()).isFalse();
    }

    @Test
    void everyVerdictRecordsThePolicyHash() {
        assertThat(activities.evaluatePolicy(refund(5)).policyHash()).isEqualTo(policy.hash());
        assertThat(activities.evaluatePolicy(refund(5000)).policyHash()).isEqualTo(policy.hash());
        assertThat(activities.evaluatePolicy(refund("abc")).policyHash()).isEqualTo(policy.hash());
        assertThat(policy.hash()).matches("[0-9a-f]{64}");
    }

    @Test
    void verdictCarriesTheDigestOfToolAndArguments() {
        PolicyRequest request = refund(250);

        PolicyVerdict verdict = activities.evaluatePolicy(request);

        assertThat(verdict.argsDigest())
                .isEqualTo(ArgsDigest.of("issue_refund", request.call().args()));
    }

    @Test
    void invalidArgumentsVerdictCarriesTheDigestToo() {
        PolicyRequest request = refund("abc");

        assertThat(activities.evaluatePolicy(request).argsDigest())
                .isEqualTo(ArgsDigest.of("issue_refund", request.call().args()));
    }

    @Test
    void rulesAreExposedInFileOrder() {
        assertThat(policy.rules())
                .extracting(PolicyRule::name)
                .containsExactly(
                        "small-refunds", "medium-refunds", "large-refunds", "lookups-and-emails", "no-deletes");
        assertThat(policy.rules().get(3).tools()).containsExactly("lookup_order", "send_email");
        assertThat(policy.rules().get(0).condition()).isEqualTo("args.amount <= 10");
        assertThat(policy.rules().get(0).line()).isEqualTo(5);
        assertThat(policy.defaultOutcome()).isEqualTo(Outcome.DENY);
        assertThat(policy.source()).isEqualTo("classpath:policies/demo.yaml");
        assertThat(policy.warnings()).isEmpty();
    }
}
