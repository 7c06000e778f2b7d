package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.Countersign;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** What a decision body may say, and what it can never say: who decides. */
@ApiTest
class DecisionTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void workflowCountsOneOfTwoApprovals() {
        given(countersign.decide(any()))
                .willReturn(new DecisionResult("appr-1", ApprovalState.PENDING, 1, 2, "sha256:abc"));
    }

    @Test
    void approvalAnswersTheWorkflowsResult() throws Exception {
        decide("bob", """
                        {"decision":"approve","argsDigest":"sha256:abc","comment":"matches the bank statement"}
                        """)
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"approvalId":"appr-1","state":"PENDING","approvals":1,"required":2,"argsDigest":"sha256:abc"}
                        """, JsonCompareMode.STRICT));

        DecisionRequest sent = sentDecision();
        assertThat(sent.approvalId()).isEqualTo("appr-1");
        assertThat(sent.kind()).isEqualTo(DecisionKind.APPROVE);
        assertThat(sent.argsDigest()).isEqualTo("sha256:abc");
        assertThat(sent.comment()).isEqualTo("matches the bank statement");
    }

    @Test
    void reviewerAndGroupsAreTheAuthenticatedOnesWhateverTheBodySays() throws Exception {
        decide("carol", """
                        {"decision":"approve","reviewer":"mallory","reviewerGroups":["operators"],
                         "decisionId":"forged","approvalId":"appr-9"}
                        """).andExpect(status().isOk());

        DecisionRequest sent = sentDecision();
        assertThat(sent.reviewer()).isEqualTo("carol");
        assertThat(sent.reviewerGroups()).isEqualTo(Set.of("finance", "support-leads"));
        assertThat(sent.approvalId()).isEqualTo("appr-1");
        assertThat(sent.decisionId()).isNotEqualTo("forged");
    }

    @Test
    void idempotencyKeyBecomesTheDecisionId() throws Exception {
        mvc.perform(post("/api/approvals/appr-1/decision")
                        .with(as("bob"))
                        .header("Idempotency-Key", "bob-appr-1-try-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"decision":"approve"}
                                """))
                .andExpect(status().isOk());

        assertThat(sentDecision().decisionId()).isEqualTo("bob-appr-1-try-1");
    }

    @Test
    void withoutIdempotencyKeyEachDecisionGetsAFreshId() throws Exception {
        decide("bob", """
                        {"decision":"approve"}
                        """).andExpect(status().isOk());

        assertThat(sentDecision().decisionId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void blankIdempotencyKeyIsABadRequest() throws Exception {
        mvc.perform(post("/api/approvals/appr-1/decision")
                        .with(as("bob"))
                        .header("Idempotency-Key", " ")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"decision":"approve"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("Idempotency-Key must be 1 to 200 visible ASCII characters (such as a UUID)"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void nonAsciiIdempotencyKeyIsABadRequest() throws Exception {
        mvc.perform(post("/api/approvals/appr-1/decision")
                        .with(as("bob"))
                        .header("Idempotency-Key", "caf\u00e9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"decision":"approve"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void editCarriesTheNewArguments() throws Exception {
        decide("bob", """
                        {"decision":"edit","args":{"orderId":42,"amount":100},"argsDigest":"sha256:abc"}
                        """).andExpect(status().isOk());

        DecisionRequest sent = sentDecision();
        assertThat(sent.kind()).isEqualTo(DecisionKind.EDIT);
        assertThat(sent.args()).isEqualTo(Map.of("orderId", 42, "amount", 100));
    }

    @Test
    void requestChangesCarriesTheFeedback() throws Exception {
        decide("bob", """
                        {"decision":"request_changes","comment":"refund only the duplicate charge"}
                        """).andExpect(status().isOk());

        assertThat(sentDecision().kind()).isEqualTo(DecisionKind.REQUEST_CHANGES);
    }

    @Test
    void unknownDecisionIsABadRequestNamingTheAllowedValues() throws Exception {
        decide("bob", """
                        {"decision":"maybe"}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidDecision"))
                .andExpect(jsonPath("$.detail")
                        .value("unknown decision 'maybe': use one of approve, reject, edit, request_changes"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void missingDecisionIsABadRequest() throws Exception {
        decide("bob", """
                        {"comment":"ok"}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("decision is required: one of approve, reject, edit, request_changes"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void editWithoutArgsIsABadRequest() throws Exception {
        decide("bob", """
                        {"decision":"edit","comment":"lower it"}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidDecision"))
                .andExpect(
                        jsonPath("$.detail").value("an edit needs args: the complete new arguments of the tool call"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void rejectionWithoutReasonIsABadRequest() throws Exception {
        decide("bob", """
                        {"decision":"reject","comment":" "}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a rejection needs a reason: put it in comment"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void requestChangesWithoutCommentIsABadRequest() throws Exception {
        decide("bob", """
                        {"decision":"request_changes"}
                        """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("request_changes needs a comment that tells the agent what to change"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void decisionWithoutBodyIsABadRequest() throws Exception {
        mvc.perform(post("/api/approvals/appr-1/decision").with(as("bob")).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a JSON request body is required"));
    }

    private ResultActions decide(String user, String body) throws Exception {
        return mvc.perform(post("/api/approvals/appr-1/decision")
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private DecisionRequest sentDecision() {
        ArgumentCaptor<DecisionRequest> decision = ArgumentCaptor.forClass(DecisionRequest.class);
        verify(countersign).decide(decision.capture());
        return decision.getValue();
    }
}
