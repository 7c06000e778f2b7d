package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.olga;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import dev.countersign.history.TaskHistory;
import dev.countersign.listing.TaskRead;
import dev.countersign.policy.Outcome;
import dev.countersign.review.ActionReview;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Operators see calls of unknown outcome in the review queue (the task page sends them there) and say,
 * with a comment, whether each was done.
 */
@ConsoleTest
class OutcomeUnknownInTheConsoleTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aRefundWhoseWorkerDiedMidCall() {
        given(countersign.task("r-1"))
                .willReturn(
                        Optional.of(ConsoleFixtures.task("r-1", TaskStatus.NEEDS_ATTENTION, null, List.of(limbo()))));
        given(countersign.reviewQueue(eq("olga"), any(), eq(true)))
                .willReturn(new ReviewQueue(
                        List.of(new PendingReview("r-1", "dave", TaskStatus.NEEDS_ATTENTION, limbo())), List.of()));
        given(countersign.attend(eq("r-1"), any())).willReturn(new ReviewResult("r-1", "a2", ActionReview.NONE, null));
    }

    @Test
    void operatorSeesTheCallWithDoneAndNotDoneButtons() throws Exception {
        mvc.perform(get("/reviews").with(olga()))
                .andExpect(content()
                        .string(allOf(
                                containsString("outcome unknown"),
                                containsString("may have reached issue_refund"),
                                containsString("value=\"done\""),
                                containsString("value=\"not-done\""),
                                not(containsString("value=\"retry\"")))));
    }

    @Test
    void taskPageShowsTheStateAndSendsOperatorsToTheReviewQueue() throws Exception {
        TaskView task = ConsoleFixtures.task("r-1", TaskStatus.NEEDS_ATTENTION, null, List.of(limbo()));
        given(countersign.read(eq("r-1"), any(), anyInt())).willReturn(Optional.of(TaskRead.of(task)));
        given(countersign.history("r-1")).willReturn(new TaskHistory("r-1", null, List.of()));

        mvc.perform(get("/tasks/r-1").with(olga()))
                .andExpect(content()
                        .string(allOf(
                                containsString("OUTCOME_UNKNOWN"),
                                containsString("may have reached issue_refund"),
                                containsString("Say whether it was done, in the review queue"))));
    }

    @Test
    void doneIsSentAsTheSignedInOperatorWithTheComment() throws Exception {
        mvc.perform(post("/reviews/r-1/a2/attention")
                        .with(olga())
                        .with(csrf())
                        .param("kind", "done")
                        .param("comment", "the ledger shows it"))
                .andExpect(redirectedUrl("/reviews"))
                .andExpect(flash().attribute(
                                "notice",
                                "Recorded: a2 of r-1 was done; it counts as executed and the agent is told."));

        ArgumentCaptor<AttentionRequest> sent = ArgumentCaptor.forClass(AttentionRequest.class);
        verify(countersign).attend(eq("r-1"), sent.capture());
        assertThat(sent.getValue().kind()).isEqualTo(AttentionKind.DONE);
        assertThat(sent.getValue().operatorName()).isEqualTo("olga");
        assertThat(sent.getValue().operator()).isTrue();
        assertThat(sent.getValue().comment()).isEqualTo("the ledger shows it");
    }

    @Test
    void notDoneSaysTheCallFailed() throws Exception {
        mvc.perform(post("/reviews/r-1/a2/attention")
                        .with(olga())
                        .with(csrf())
                        .param("kind", "not-done")
                        .param("comment", "nothing in the ledger"))
                .andExpect(flash().attribute(
                                "notice",
                                "Recorded: a2 of r-1 was not done; it counts as failed and the agent is told."));
    }

    @Test
    void answerWithoutACommentIsNotSent() throws Exception {
        mvc.perform(post("/reviews/r-1/a2/attention").with(olga()).with(csrf()).param("kind", "done"))
                .andExpect(
                        flash().attribute("error", "Say how you know whether a2 was done, so the record explains it."));
        verify(countersign, never()).attend(any(), any());
    }

    @Test
    void refusalIsExplained() throws Exception {
        given(countersign.attend(eq("r-1"), any()))
                .willThrow(new DecisionRefused(DecisionRefusal.NOT_APPLICABLE, "it is EXECUTED"));

        mvc.perform(post("/reviews/r-1/a2/attention")
                        .with(olga())
                        .with(csrf())
                        .param("kind", "done")
                        .param("comment", "seen"))
                .andExpect(flash().attributeExists("error"));
    }

    private static ActionView limbo() {
        return new ActionView(
                "a2",
                "issue_refund",
                ConsoleFixtures.refundArgs("250"),
                "sha256:abc",
                "charged twice",
                0.9,
                Outcome.AUTO,
                "small-refunds",
                "policy-hash",
                null,
                ActionState.OUTCOME_UNKNOWN,
                null,
                "attempt 1 may have reached issue_refund before it stopped",
                List.of(),
                List.of(),
                ConsoleFixtures.REQUESTED,
                null,
                ActionReview.NONE,
                null,
                false,
                List.of());
    }
}
