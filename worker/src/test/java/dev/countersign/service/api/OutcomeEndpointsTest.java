package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.review.ActionReview;
import dev.countersign.review.AttentionKind;
import dev.countersign.review.AttentionRequest;
import dev.countersign.review.ReviewResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Operators say whether a call of unknown outcome was done; every bad request is a problem. */
@ApiTest
class OutcomeEndpointsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aTaskDaveRequested() {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(TaskFixtures.reviewedTask("refund-42", "dave", List.of("support-leads"))));
        given(countersign.attend(eq("refund-42"), any()))
                .willReturn(new ReviewResult("refund-42", "a2", ActionReview.NONE, null));
    }

    private static MockHttpServletRequestBuilder outcome(String answer, String body) {
        MockHttpServletRequestBuilder request = post("/api/tasks/refund-42/actions/a2/outcome/" + answer);
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void operatorSaysDoneOrNotDoneUnderTheirAuthenticatedName() throws Exception {
        mvc.perform(outcome("done", "{\"comment\":\"the ledger shows it\",\"operatorName\":\"mallory\"}")
                        .with(as("olga")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actionId").value("a2"));
        mvc.perform(outcome("not-done", "{\"comment\":\"nothing in the ledger\"}")
                        .with(as("olga")))
                .andExpect(status().isOk());

        ArgumentCaptor<AttentionRequest> sent = ArgumentCaptor.forClass(AttentionRequest.class);
        verify(countersign, times(2)).attend(eq("refund-42"), sent.capture());
        assertThat(sent.getAllValues())
                .extracting(AttentionRequest::kind)
                .containsExactly(AttentionKind.DONE, AttentionKind.NOT_DONE);
        assertThat(sent.getAllValues()).allSatisfy(request -> {
            assertThat(request.operatorName()).isEqualTo("olga");
            assertThat(request.operator()).isTrue();
            assertThat(request.actionId()).isEqualTo("a2");
        });
        assertThat(sent.getAllValues().get(0).comment()).isEqualTo("the ledger shows it");
    }

    @Test
    void answerWithoutCommentIsABadRequest() throws Exception {
        mvc.perform(outcome("done", null).with(as("olga")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("InvalidDecision"));
        mvc.perform(outcome("not-done", "{\"comment\":\"  \"}").with(as("olga")))
                .andExpect(status().isBadRequest());

        verify(countersign, never()).attend(anyString(), any());
    }

    @Test
    void someoneWhoIsNotAnOperatorIsForbidden() throws Exception {
        mvc.perform(outcome("done", "{\"comment\":\"I think so\"}").with(as("alice")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(DecisionRefusal.NOT_ALLOWED_TO_REVIEW));

        verify(countersign, never()).attend(anyString(), any());
    }

    @Test
    void actionWithAKnownOutcomeIsAConflictAndAnUnknownActionIsNotFound() throws Exception {
        given(countersign.attend(eq("refund-42"), any()))
                .willThrow(new DecisionRefused(DecisionRefusal.NOT_APPLICABLE, "it is EXECUTED"))
                .willThrow(new DecisionRefused(DecisionRefusal.UNKNOWN_ACTION, "no action a2"));

        mvc.perform(outcome("done", "{\"comment\":\"seen\"}").with(as("olga")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(DecisionRefusal.NOT_APPLICABLE))
                .andExpect(jsonPath("$.detail").value("it is EXECUTED"));
        mvc.perform(outcome("done", "{\"comment\":\"seen\"}").with(as("olga")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value(DecisionRefusal.UNKNOWN_ACTION));
    }

    @Test
    void answerOtherThanDoneOrNotDoneIsNotAnEndpoint() throws Exception {
        mvc.perform(outcome("maybe", "{\"comment\":\"hm\"}").with(as("olga")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        verify(countersign, never()).attend(anyString(), any());
    }
}
