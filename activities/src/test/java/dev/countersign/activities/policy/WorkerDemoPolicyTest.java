package dev.countersign.activities.policy;

import static dev.countersign.activities.policy.TestTools.call;
import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.check.PolicyCheck;
import dev.countersign.activities.policy.check.PolicyReport;
import dev.countersign.activities.policy.yaml.PolicyLoader;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker's demo policy (worker/src/main/resources), read with its placeholders' defaults. */
class WorkerDemoPolicyTest {

    private static final Path FILE = Path.of("..", "worker", "src", "main", "resources", "countersign-policy.yaml");
    private static final Set<String> WORKER_TOOLS = Set.of("issue_refund", "lookup_order", "send_email");

    private final Policy policy = new PolicyLoader(WORKER_TOOLS)
            .withTextPreprocessor(PolicyCheck::placeholderDefaults)
            .load(FILE);
    private final PolicyActivitiesImpl activities = TestTools.activities(policy);

    @Test
    void checkFindsNothingWithTheWorkersToolsAndDemoUsers() {
        PolicyReport report = new PolicyCheck()
                .check(FILE, WORKER_TOOLS, Map.of("support-leads", 1, "finance", 2, "finance-managers", 1));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void smallRefundsAreSampledForADayOfReview() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.review().window()).isEqualTo(Duration.ofHours(24));
        assertThat(verdict.review().sampleRate()).isEqualTo(0.2);
        assertThat(activities.evaluatePolicy(refund(250)).review()).isNull();
    }

    @Test
    void smallRefundWithLowConfidenceGoesToSupportLeads() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(5, 0.5));

        assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(verdict.rule()).isEqualTo("low-confidence-refunds+small-refunds");
        assertThat(verdict.tiers()).extracting(ApprovalTier::groups).containsExactly(List.of("support-leads"));
    }

    @Test
    void refundOfTenRunsWithoutApproval() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(10, 0.9));

        assertThat(verdict.outcome()).isEqualTo(Outcome.AUTO);
        assertThat(verdict.rule()).isEqualTo("small-refunds");
    }

    @Test
    void refundOfAThousandNeedsOneSupportLead() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(1000, 0.9));

        assertThat(verdict.rule()).isEqualTo("medium-refunds");
        assertThat(verdict.tiers())
                .containsExactly(new ApprovalTier("support-leads", List.of("support-leads"), 1, null));
    }

    @Test
    void refundAboveAThousandEscalatesFromFinanceToFinanceManagersThenIsRejected() {
        PolicyVerdict verdict = activities.evaluatePolicy(refund(1000.01, 0.9));

        assertThat(verdict.rule()).isEqualTo("large-refunds");
        assertThat(verdict.tiers())
                .containsExactly(
                        new ApprovalTier("finance", List.of("finance"), 2, Duration.ofHours(4)),
                        new ApprovalTier("finance-managers", List.of("finance-managers"), 1, Duration.ofHours(8)));
        assertThat(verdict.onTimeout()).isEqualTo(TimeoutOutcome.REJECT);
    }

    @Test
    void lookupsAndEmailsRunEvenWithLowConfidence() {
        PolicyRequest lookup = TestTools.request(
                new dev.countersign.agent.ToolCall("lookup_order", Map.of("orderId", "A-1"), "", 0.1, List.of()));

        assertThat(activities.evaluatePolicy(lookup).outcome()).isEqualTo(Outcome.AUTO);
        assertThat(activities
                        .evaluatePolicy(call("send_email", Map.of("to", "b@example.com", "subject", "s", "body", "b")))
                        .outcome())
                .isEqualTo(Outcome.AUTO);
    }
}
