package dev.countersign.activities.policy.yaml;

import static dev.countersign.activities.policy.TestTools.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.activities.policy.Policy;
import dev.countersign.activities.policy.TestTools;
import dev.countersign.policy.ApprovalTier;
import dev.countersign.policy.Outcome;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.PolicyVerdict;
import dev.countersign.policy.TimeoutOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policies written before guards, SLAs and {@code task} load and route as they did. */
class OldPolicyFilesStayValidTest {

    @Test
    void workerDemoPolicyOfTheFirstReleaseLoadsWithoutWarningsAndRoutesAsBefore() {
        Policy policy =
                new PolicyLoader(TestTools.REGISTRY.names()).loadResource("policies/worker-demo-before-guards.yaml");

        assertThat(policy.warnings()).isEmpty();
        assertThat(policy.guards()).isEmpty();
        assertThat(policy.evaluate(refund(5, 0.1)).rule()).isEqualTo("small-refunds");
        assertThat(policy.evaluate(refund(250)).tiers())
                .containsExactly(new ApprovalTier("support-leads", List.of("support-leads"), 1, null));
        PolicyVerdict large = policy.evaluate(refund(5000));
        assertThat(large.tiers()).containsExactly(new ApprovalTier("finance", List.of("finance"), 2, null));
        assertThat(large.onTimeout()).isEqualTo(TimeoutOutcome.REJECT);
    }

    @Test
    void activitiesDemoPolicyLoadsWithoutWarnings() {
        assertThat(TestTools.demoPolicy().warnings()).isEmpty();
    }

    @Test
    void topLevelInputStillReadsTheTaskInput() {
        Policy policy = TestTools.policy("""
                version: 1
                rules:
                  - name: gold
                    tool: "*"
                    when: input.tier == "gold" && task.input.tier == input.tier
                    outcome: auto
                """);
        PolicyRequest request = refund(5);
        PolicyRequest gold = new PolicyRequest(
                request.taskId(), request.agent(), request.requester(), Map.of("tier", "gold"), request.call());

        assertThat(policy.evaluate(gold).rule()).isEqualTo("gold");
        assertThat(policy.evaluate(request).outcome()).isEqualTo(Outcome.DENY);
    }
}
