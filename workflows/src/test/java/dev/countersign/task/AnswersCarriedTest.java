package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionResult;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a task remembers of the requests it answered when it continues as new. */
class AnswersCarriedTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theNewestThousandAndThoseOfOpenApprovalsAreKept() {
        Answers answers = new Answers();
        answers.remember("open", decision("t.a1"), result("t.a1"), AT);
        for (int i = 0; i < 1_500; i++) {
            answers.remember("d" + i, decision("t.a" + (i + 2)), result("t.a" + (i + 2)), AT);
        }

        answers.compact(Set.of("t.a1"));

        assertThat(answers.size()).isEqualTo(Answers.KEPT);
        assertThat((DecisionResult) answers.earlier("open", decision("t.a1")))
                .as("an open approval's decision is remembered whatever its age")
                .isNotNull();
        assertThat((Object) answers.earlier("d0", decision("t.a2"))).isNull();
        assertThat((DecisionResult) answers.earlier("d1499", decision("t.a1501")))
                .isNotNull();
    }

    @Test
    void aReviewsAnswerIsCarriedWithItsBulkCut() {
        Answers answers = new Answers();
        Answers.Asked asked = new Answers.Asked("request", "olga", "fp", "rollback of action a2", null);
        CompensationRecord undone =
                CompensationRecord.succeeded("reverse_refund", Map.of("log", "x".repeat(100_000)), AT, 1);
        answers.remember(
                "r1",
                asked,
                new ReviewResult(
                        "t", "a2", ActionReview.NONE.with(ReviewState.ROLLED_BACK, "olga", AT, "wrong"), undone),
                AT);

        answers.compact(Set.of());

        ReviewResult carried = answers.earlier("r1", asked);
        assertThat(carried.review().state()).isEqualTo(ReviewState.ROLLED_BACK);
        assertThat(carried.compensation().result().toString())
                .hasSizeLessThan(2_000)
                .contains("truncated");
    }

    @Test
    void anIdUsedForAnotherDecisionIsRefusedAfterTheSwitchToo() {
        Answers answers = new Answers();
        answers.remember("k1", decision("t.a1"), result("t.a1"), AT);
        answers.compact(Set.of());

        DecisionRefusal.Refused refused = catchThrowableOfType(
                DecisionRefusal.Refused.class,
                () -> answers.earlier("k1", new Answers.Asked("decision", "alice", "other", "reject of t.a1", "t.a1")));

        assertThat(refused.type()).isEqualTo(DecisionRefusal.IDEMPOTENCY_KEY_REUSED);
    }

    private static Answers.Asked decision(String approvalId) {
        return new Answers.Asked("decision", "alice", "fp-" + approvalId, "approve of " + approvalId, approvalId);
    }

    private static DecisionResult result(String approvalId) {
        return new DecisionResult(approvalId, ApprovalState.APPROVED, 1, 1, "digest");
    }
}
