package dev.countersign.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A decision's update id is what the server deduplicates a repeated delivery by, so it never changes
 * shape: the same decision gets the same id in every release, one that differs in content another.
 */
class DecisionUpdateIdTest {

    private static final DecisionRequest EDIT = new DecisionRequest(
            "d-1",
            "refund-42.a2",
            "alice",
            Set.of("support-leads"),
            DecisionKind.EDIT,
            Map.of("amount", 100),
            "sha256:abc",
            "lower it");

    @Test
    void aDecisionsUpdateIdIsTheDigestOfWhoDecidedWhatOnWhichApproval() {
        assertThat(TemporalCountersign.updateId(EDIT))
                .isEqualTo("decision-a1422b8700810d635bc5896e94472521098ccb0294d568e7cd996831b433d5f6");
        assertThat(TemporalCountersign.updateId(new DecisionRequest(
                        "d-1",
                        "refund-42.a2",
                        "alice",
                        Set.of("support-leads"),
                        DecisionKind.APPROVE,
                        null,
                        null,
                        null)))
                .isEqualTo("decision-c32f6987592629eac2e615dc94e357e23c9d6820e0e0a2828bf9fbcfa0a0d550");
    }

    @Test
    void theReviewersGroupsDoNotChangeTheId() {
        DecisionRequest sameDecisionLaterGroups = new DecisionRequest(
                "d-1",
                "refund-42.a2",
                "alice",
                Set.of("support-leads", "finance"),
                DecisionKind.EDIT,
                Map.of("amount", 100),
                "sha256:abc",
                "lower it");

        assertThat(TemporalCountersign.updateId(sameDecisionLaterGroups)).isEqualTo(TemporalCountersign.updateId(EDIT));
    }
}
