package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.ReviewQueue;
import dev.countersign.client.TaskNotFound;
import dev.countersign.listing.TaskRead;
import dev.countersign.review.ActionReview;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewRequest;
import dev.countersign.review.ReviewResult;
import dev.countersign.review.ReviewState;
import dev.countersign.review.ReviewVerdict;
import dev.countersign.review.RollbackRequest;
import dev.countersign.review.RollbackResult;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Verdicts, rollbacks and operators' answers reach the facade with the caller's identity; refusals are problems. */
@ApiTest
class ReviewEndpointsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aTaskDaveRequestedForSupportLeads() {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(TaskFixtures.reviewedTask("refund-42", "dave", List.of("support-leads"))));
    }

    private static ReviewResult result(ReviewState state, String reviewer) {
        return new ReviewResult(
                "refund-42",
                "a2",
                new ActionReview(state, reviewer, AT, "", AT.plusSeconds(86_400), List.of("support-leads")),
                null);
    }

    private static MockHttpServletRequestBuilder review(String body) {
        return post("/api/tasks/refund-42/actions/a2/review")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void verdictGoesToTheWorkflowAsTheAuthenticatedReviewer() throws Exception {
        given(countersign.review(eq("refund-42"), any())).willReturn(result(ReviewState.ROLLED_BACK, "alice"));

        mvc.perform(review("""
                        {"verdict":"rollback","comment":"wrong order","reviewer":"mallory"}
                        """).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.review.state").value("ROLLED_BACK"))
                .andExpect(jsonPath("$.review.reviewer").value("alice"));

        ArgumentCaptor<ReviewRequest> sent = ArgumentCaptor.forClass(ReviewRequest.class);
        verify(countersign).review(eq("refund-42"), sent.capture());
        assertThat(sent.getValue().reviewer()).isEqualTo("alice");
        assertThat(sent.getValue().reviewerGroups()).isEqualTo(Set.of("support-leads"));
        assertThat(sent.getValue().operator()).isFalse();
        assertThat(sent.getValue().verdict()).isEqualTo(ReviewVerdict.ROLLBACK);
        assertThat(sent.getValue().actionId()).isEqualTo("a2");
    }

    @Test
    void operatorsAreMarkedAsSuch() throws Exception {
        given(countersign.review(eq("refund-42"), any())).willReturn(result(ReviewState.OK, "olga"));

        mvc.perform(review("{\"verdict\":\"ok\"}").with(as("olga"))).andExpect(status().isOk());

        ArgumentCaptor<ReviewRequest> sent = ArgumentCaptor.forClass(ReviewRequest.class);
        verify(countersign).review(eq("refund-42"), sent.capture());
        assertThat(sent.getValue().operator()).isTrue();
    }

    @Test
    void unknownOrMissingVerdictIsABadRequest() throws Exception {
        mvc.perform(review("{\"verdict\":\"undo\"}").with(as("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("InvalidDecision"))
                .andExpect(jsonPath("$.detail").value("unknown verdict 'undo': use one of ok, flag, rollback"));
        mvc.perform(review("{}").with(as("alice"))).andExpect(status().isBadRequest());
        mvc.perform(review("{\"verdict\":\"flag\"}").with(as("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a flag needs a comment saying what is wrong"));

        verify(countersign, never()).review(anyString(), any());
    }

    @Test
    void refusalsBecomeProblemsWithTheirStatus() throws Exception {
        expectRefusal(DecisionRefusal.NOT_ALLOWED_TO_REVIEW, 403);
        expectRefusal(DecisionRefusal.REQUESTER_CANNOT_DECIDE, 403);
        expectRefusal(DecisionRefusal.UNKNOWN_ACTION, 404);
        expectRefusal(DecisionRefusal.REVIEW_WINDOW_CLOSED, 409);
        expectRefusal(DecisionRefusal.ALREADY_REVIEWED, 409);
        expectRefusal(DecisionRefusal.NOT_UNDER_REVIEW, 409);
        expectRefusal(DecisionRefusal.NO_COMPENSATION, 409);
    }

    private void expectRefusal(String type, int status) throws Exception {
        given(countersign.review(eq("refund-42"), any())).willThrow(new DecisionRefused(type, "because " + type));

        mvc.perform(review("{\"verdict\":\"rollback\"}").with(as("alice")))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(type))
                .andExpect(jsonPath("$.detail").value("because " + type));
    }

    @Test
    void unknownTaskIsNotFound() throws Exception {
        given(countersign.review(eq("refund-42"), any())).willThrow(new TaskNotFound("no task refund-42"));

        mvc.perform(review("{\"verdict\":\"ok\"}").with(as("alice")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
    }

    @Test
    void wholeTaskRollbackCarriesTheCallerAndComment() throws Exception {
        given(countersign.rollback(eq("refund-42"), any()))
                .willReturn(new RollbackResult("refund-42", List.of(result(ReviewState.ROLLED_BACK, "olga"))));

        mvc.perform(post("/api/tasks/refund-42/rollback")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"customer withdrew\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[0].actionId").value("a2"));

        ArgumentCaptor<RollbackRequest> sent = ArgumentCaptor.forClass(RollbackRequest.class);
        verify(countersign).rollback(eq("refund-42"), sent.capture());
        assertThat(sent.getValue().by()).isEqualTo("olga");
        assertThat(sent.getValue().operator()).isTrue();
        assertThat(sent.getValue().comment()).isEqualTo("customer withdrew");
    }

    @Test
    void rollbackWithNothingLeftIsAConflict() throws Exception {
        given(countersign.rollback(eq("refund-42"), any()))
                .willThrow(new DecisionRefused(DecisionRefusal.NOTHING_TO_ROLL_BACK, "nothing left"));

        mvc.perform(post("/api/tasks/refund-42/rollback").with(as("olga")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NothingToRollBack"));
    }

    @Test
    void operatorsRetryAndResolveFailedCompensations() throws Exception {
        given(countersign.attend(eq("refund-42"), any())).willReturn(result(ReviewState.ROLLED_BACK, "olga"));

        mvc.perform(post("/api/tasks/refund-42/actions/a2/compensation/retry").with(as("olga")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/tasks/refund-42/actions/a2/compensation/resolve")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"reversed by hand\"}"))
                .andExpect(status().isOk());

        ArgumentCaptor<AttentionRequest> sent = ArgumentCaptor.forClass(AttentionRequest.class);
        verify(countersign, times(2)).attend(eq("refund-42"), sent.capture());
        assertThat(sent.getAllValues())
                .extracting(AttentionRequest::kind)
                .containsExactly(AttentionKind.RETRY, AttentionKind.RESOLVE);
        assertThat(sent.getAllValues().get(1).comment()).isEqualTo("reversed by hand");
        assertThat(sent.getAllValues())
                .allSatisfy(request -> assertThat(request.operator()).isTrue());
    }

    @Test
    void reviewInboxAsksForTheCallersGroupsAndOperatorStanding() throws Exception {
        given(countersign.reviewQueue(anyString(), any(), anyBoolean()))
                .willReturn(new ReviewQueue(List.of(), List.of()));

        mvc.perform(get("/api/reviews").with(as("carol"))).andExpect(status().isOk());

        verify(countersign).reviewQueue("carol", Set.of("finance", "support-leads"), false);
    }

    @Test
    void reviewsNeedAuthentication() throws Exception {
        mvc.perform(get("/api/reviews")).andExpect(status().isUnauthorized());
        mvc.perform(review("{\"verdict\":\"ok\"}")).andExpect(status().isUnauthorized());
    }

    @Test
    void cancelWithRollbackAsksTheWorkflowToUndoWhatRan() throws Exception {
        given(countersign.read("refund-42"))
                .willReturn(
                        Optional.of(TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.AWAITING_INPUT))));

        mvc.perform(post("/api/tasks/refund-42/cancel")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"wrong customer\",\"rollback\":true}"))
                .andExpect(status().isAccepted());

        verify(countersign).cancelAndRollBack("refund-42", new TaskMessage("dave", "wrong customer"));
        verify(countersign, never()).cancel(anyString(), any());
    }
}
