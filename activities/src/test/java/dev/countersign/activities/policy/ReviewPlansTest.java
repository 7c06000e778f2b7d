package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.agent.ToolCall;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.ReviewPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewPlansTest {

    private final Policy policy = TestTools.policy("""
            version: 1
            guards:
              - name: low-confidence-refunds
                tool: issue_refund
                when: confidence < 0.7
                outcome: approve
                tiers:
                  - groups: [support-leads]
            rules:
              - name: small-refunds
                tool: issue_refund
                when: args.amount <= 10
                outcome: auto
                review:
                  sample: 20%
                  window: PT24H
              - name: medium-refunds
                tool: issue_refund
                when: args.amount <= 1000
                outcome: approve
                tiers:
                  - groups: [support-leads]
                review:
                  window: P3D
              - name: large-refunds
                tool: issue_refund
                when: args.amount <= 100000
                outcome: approve
                tiers:
                  - groups: [finance]
                    approvals: 2
              - name: huge-refunds
                tool: issue_refund
                outcome: deny
              - name: lookups
                tool: lookup_order
                outcome: auto
                review:
                  sample: 1
                  window: PT1H
            """);

    @Test
    void approvedCallsOfARuleWithAWindowAreReviewed() {
        PolicyVerdict verdict = policy.evaluate(refund(250));

        assertThat(verdict.review()).isEqualTo(new ReviewPlan(Duration.ofDays(3), 0.0, false));
        assertThat(verdict.review().reviews(verdict.outcome())).isTrue();
    }

    @Test
    void rulesWithoutReviewAskForNone() {
        assertThat(policy.evaluate(refund(5000)).review()).isNull();
        assertThat(policy.evaluate(refund(500000)).review()).isNull();
    }

    @Test
    void aboutTheSampleRateOfAutoCallsArePickedForReview() {
        long sampled = IntStream.range(0, 5000)
                .filter(i ->
                        policy.evaluate(refundIn("task-" + i, "a1", 5)).review().sampled())
                .count();

        assertThat(sampled).isBetween(900L, 1100L);
    }

    @Test
    void theSamePickIsMadeEveryTimeForTheSameAction() {
        List<Boolean> first = IntStream.range(0, 200)
                .mapToObj(i ->
                        policy.evaluate(refundIn("task-" + i, "a2", 5)).review().sampled())
                .toList();
        List<Boolean> again = IntStream.range(0, 200)
                .mapToObj(i ->
                        policy.evaluate(refundIn("task-" + i, "a2", 7)).review().sampled())
                .toList();

        assertThat(again).isEqualTo(first).contains(true, false);
    }

    @Test
    void differentActionsOfOneTaskArePickedIndependently() {
        List<Boolean> picks = IntStream.range(0, 200)
                .mapToObj(i ->
                        policy.evaluate(refundIn("task-1", "a" + i, 5)).review().sampled())
                .toList();

        assertThat(picks).contains(true, false);
    }

    @Test
    void aSampleRateOfOneReviewsEveryAutoCall() {
        PolicyVerdict verdict = policy.evaluate(TestTools.call("lookup_order", Map.of("orderId", "A-1")));

        assertThat(verdict.review()).isEqualTo(new ReviewPlan(Duration.ofHours(1), 1.0, true));
    }

    @Test
    void anUnsampledAutoCallIsNotReviewed() {
        PolicyVerdict verdict = IntStream.range(0, 100)
                .mapToObj(i -> policy.evaluate(refundIn("task-" + i, "a1", 5)))
                .filter(v -> !v.review().sampled())
                .findFirst()
                .orElseThrow();

        assertThat(verdict.review().reviews(Outcome.AUTO)).isFalse();
    }

    @Test
    void aGuardThatRaisesReviewKeepsTheRulesReviewPlan() {
        PolicyVerdict verdict = policy.evaluate(refund(5, 0.4));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.review().window()).isEqualTo(Duration.ofHours(24));
        assertThat(verdict.review().reviews(verdict.outcome())).isTrue();
    }

    @Test
    void thePolicyActivityKeepsTheActionIdForSampling() {
        PolicyActivitiesImpl activities = TestTools.activities(policy);
        List<Boolean> direct = IntStream.range(0, 100)
                .mapToObj(i ->
                        policy.evaluate(refundIn("task-" + i, "a3", 5)).review().sampled())
                .toList();
        List<Boolean> throughActivity = IntStream.range(0, 100)
                .mapToObj(i -> activities
                        .evaluatePolicy(refundIn("task-" + i, "a3", 5))
                        .review()
                        .sampled())
                .toList();

        assertThat(throughActivity).isEqualTo(direct);
    }

    @Test
    void aSampleOnAnApproveRuleIsOnlyAWarning() {
        Policy loaded = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - groups: [support-leads]
                    review:
                      sample: 0.5
                      window: PT2H
                """);

        assertThat(loaded.warnings())
                .containsExactly("line 9, rule 'refunds' (#1): 'sample' applies to calls that run on their own;"
                        + " every call this rule approves is reviewed");
    }

    @Test
    void anEmptyReviewMeansNone() {
        Policy loaded = TestTools.policy("""
                version: 1
                rules:
                  - name: refunds
                    tool: issue_refund
                    outcome: approve
                    tiers:
                      - groups: [support-leads]
                    review:
                """);

        assertThat(loaded.evaluate(refund(250)).review()).isNull();
        assertThat(loaded.warnings()).isEmpty();
    }

    private static PolicyRequest refundIn(String taskId, String actionId, Object amount) {
        ToolCall call = new ToolCall(
                "issue_refund", Map.of("orderId", "A-1001", "amount", amount, "currency", "EUR"), "", 0.9, List.of());
        return new PolicyRequest(taskId, "support", "alice", Map.of(), call, actionId);
    }
}
