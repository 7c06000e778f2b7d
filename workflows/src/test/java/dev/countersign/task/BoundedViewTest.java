package dev.countersign.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.payload.PayloadBounds;
import dev.countersign.review.ActionReview;
import dev.countersign.review.CompensationRecord;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.RollbackResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many values, each within its own bound, still make one bounded view and one bounded rollback answer. */
class BoundedViewTest {

    private static final String BIG = "b".repeat(200 * 1024);
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void theOldestActionsAreElidedUntilTheViewFitsAndTheNewestStayWhole() {
        List<ActionView> actions = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> action("a" + i, Map.of("rows", BIG)))
                .toList();
        TaskView view = runningTask(BIG + BIG, Map.of(), actions);

        TaskView bounded = BoundedView.within(view, PayloadBounds.MAX_MESSAGE_BYTES);

        assertThat(OversizedToolResultTest.serializedBytes(bounded)).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);
        assertThat(PayloadBounds.isTruncated(bounded.actions().get(0).result())).isTrue();
        assertThat(bounded.actions().get(19).result()).isEqualTo(Map.of("rows", BIG));
        assertThat(bounded.actions())
                .extracting(ActionView::actionId)
                .hasSize(20)
                .startsWith("a1");
        assertThat(bounded.goal()).endsWith("… [truncated: " + 2 * BIG.length() + " bytes]");
    }

    @Test
    void aSmallViewIsUnchanged() {
        List<ActionView> actions = List.of(action("a1", Map.of("ok", true)));
        TaskView view = runningTask("refund", Map.of("amount", 5), actions);

        assertThat(BoundedView.within(view, PayloadBounds.MAX_MESSAGE_BYTES)).isEqualTo(view);
    }

    @Test
    void aWholeTaskRollbackRepeatingALongCommentStaysUnderTheBound() {
        List<ReviewResult> undone = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> new ReviewResult(
                        "t1",
                        "a" + i,
                        new ActionReview(ReviewState.ROLLED_BACK, "olga", AT, BIG, null, List.of()),
                        CompensationRecord.succeeded("reverse_refund", Map.of("ok", true), AT, 1)))
                .toList();

        RollbackResult bounded = BoundedView.within(new RollbackResult("t1", undone), PayloadBounds.MAX_MESSAGE_BYTES);

        assertThat(OversizedToolResultTest.serializedBytes(bounded)).isLessThan(PayloadBounds.MAX_MESSAGE_BYTES);
        assertThat(bounded.actions()).hasSize(20);
        assertThat(bounded.actions().get(0).review().comment()).endsWith("bytes]");
        assertThat(bounded.actions().get(19).review().comment()).isEqualTo(BIG);
        assertThat(bounded.complete()).isTrue();
    }

    private static ActionView action(String actionId, Map<String, Object> result) {
        return new ActionView(
                actionId,
                "lookup_order",
                Map.of("orderId", "A-1"),
                "digest",
                "because",
                0.9,
                null,
                null,
                null,
                null,
                ActionState.EXECUTED,
                result,
                null,
                List.of(),
                List.of(),
                AT,
                null,
                ActionReview.NONE,
                null,
                false,
                List.of());
    }

    /** A running task with every action in its view, counted from them. */
    private static TaskView runningTask(String goal, Map<String, Object> input, List<ActionView> actions) {
        return new TaskView(
                "t1",
                "support",
                goal,
                input,
                "dave",
                TaskStatus.RUNNING,
                actions,
                null,
                null,
                null,
                null,
                AT,
                AT,
                0,
                0,
                ActionCounts.of(actions),
                null,
                null,
                null,
                null);
    }
}
