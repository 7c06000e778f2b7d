package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.PendingReview;
import dev.countersign.client.ReviewQueue;
import dev.countersign.policy.Outcome;
import dev.countersign.review.ActionReview;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The review queue lists what ran and waits for a verdict; verdicts go out as the signed-in reviewer. */
@ConsoleTest
class ReviewQueueTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void daveRequestedATaskWhoseRefundSupportLeadsReview() {
        given(countersign.task("r-1"))
                .willReturn(
                        Optional.of(ConsoleFixtures.task("r-1", TaskStatus.RUNNING, null, List.of(executedRefund()))));
    }

    @Test
    void queueShowsTheSignedInReviewersActionsWithTheirVerdictButtons() throws Exception {
        given(countersign.reviewQueue(eq("alice"), eq(Set.of("support-leads")), eq(false)))
                .willReturn(new ReviewQueue(
                        List.of(new PendingReview("r-1", "dave", TaskStatus.RUNNING, executedRefund())), List.of()));

        mvc.perform(get("/reviews").with(alice()))
                .andExpect(content()
                        .string(allOf(
                                containsString("issue_refund"),
                                containsString("r-1 · a2"),
                                containsString("awaiting"),
                                containsString("value=\"rollback\""))));
    }

    @Test
    void verdictIsSentAsTheSignedInReviewer() throws Exception {
        given(countersign.review(eq("r-1"), any()))
                .willReturn(new ReviewResult(
                        "r-1", "a2", new ActionReview(ReviewState.OK, "alice", null, "", null, List.of()), null));

        mvc.perform(post("/reviews/r-1/a2").with(alice()).with(csrf()).param("verdict", "ok"))
                .andExpect(redirectedUrl("/reviews"))
                .andExpect(flash().attribute("notice", "Recorded: a2 of r-1 is now ok."));

        ArgumentCaptor<ReviewRequest> sent = ArgumentCaptor.forClass(ReviewRequest.class);
        verify(countersign).review(eq("r-1"), sent.capture());
        assertThat(sent.getValue().reviewer()).isEqualTo("alice");
        assertThat(sent.getValue().operator()).isFalse();
        assertThat(sent.getValue().verdict()).isEqualTo(ReviewVerdict.OK);
        assertThat(sent.getValue().actionId()).isEqualTo("a2");
    }

    @Test
    void flagWithoutACommentIsNotSent() throws Exception {
        mvc.perform(post("/reviews/r-1/a2").with(alice()).with(csrf()).param("verdict", "flag"))
                .andExpect(flash().attribute("error", "A flag needs a comment: say what is wrong with a2."));
        verify(countersign, never()).review(any(), any());
    }

    @Test
    void closedWindowIsExplained() throws Exception {
        given(countersign.review(eq("r-1"), any()))
                .willThrow(new DecisionRefused(DecisionRefusal.REVIEW_WINDOW_CLOSED, "closed at 10:00"));

        mvc.perform(post("/reviews/r-1/a2").with(alice()).with(csrf()).param("verdict", "rollback"))
                .andExpect(flash().attribute(
                                "error", "The review window of this action has closed, so it takes no more verdicts."));
    }

    private static ActionView executedRefund() {
        return new ActionView(
                "a2",
                "issue_refund",
                ConsoleFixtures.refundArgs("250"),
                "sha256:abc",
                "charged twice",
                0.9,
                Outcome.APPROVE,
                "medium-refunds",
                "policy-hash",
                null,
                ActionState.EXECUTED,
                Map.of("refundId", 12),
                null,
                List.of(),
                List.of(),
                ConsoleFixtures.REQUESTED,
                null,
                ActionReview.opened(
                        ReviewState.AWAITING, ConsoleFixtures.REQUESTED.plusSeconds(86_400), List.of("support-leads")),
                null,
                true,
                List.of("support-leads"));
    }
}
