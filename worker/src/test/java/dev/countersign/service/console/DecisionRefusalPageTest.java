package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Each refusal of the workflow becomes a sentence on the approval page, with the API's status; never a stack trace. */
@ConsoleTest
class DecisionRefusalPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aRefundWaitsForAlice() {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));
    }

    @Test
    void decisionOnAChangedCallSaysSoAndOffersAReload() throws Exception {
        refuse(DecisionRefusal.STALE_ARGS, "args digest sha256:abc does not match sha256:def")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The call changed since you opened it")))
                .andExpect(content().string(containsString("Reload this approval")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void decisionByAReviewerOfAnotherGroupIsNotAllowed() throws Exception {
        refuse(DecisionRefusal.NOT_AN_APPROVER, "alice is not in finance")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You may not decide this approval")));
    }

    @Test
    void aFormSentAgainWithAnotherDecisionSaysTheFirstStandsAndOffersAReload() throws Exception {
        refuse(
                        DecisionRefusal.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key form-1 was used for approve of t-1.a2 at 2026-01-01T00:00:00Z")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("already used for another decision, which stands")))
                .andExpect(content().string(containsString("Reload this approval")));
    }

    @Test
    void decisionOnAnApprovalDecidedMeanwhileSaysItWasAlreadyDecided() throws Exception {
        refuse(DecisionRefusal.ALREADY_DECIDED, "already approved")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("already decided by someone else")));
    }

    @Test
    void requesterIsToldToAskAnotherReviewer() throws Exception {
        refuse(DecisionRefusal.REQUESTER_CANNOT_DECIDE, "dave started it")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You started this task")));
    }

    @Test
    void secondApprovalByTheSameReviewerIsExplained() throws Exception {
        refuse(DecisionRefusal.ALREADY_APPROVED_BY_REVIEWER, "alice already approved")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You already approved this call")));
    }

    @Test
    void editDeniedByThePolicyShowsThePolicysReason() throws Exception {
        refuse(DecisionRefusal.EDIT_DENIED, "refunds above 1,000,000 are never made")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("refunds above 1,000,000 are never made")));
    }

    private ResultActions refuse(String type, String message) throws Exception {
        given(countersign.decide(any())).willThrow(new DecisionRefused(type, message));
        return mvc.perform(post("/approvals/t-1.a2/decision")
                .with(alice())
                .with(csrf())
                .param("decision", "approve")
                .param("argsDigest", "sha256:abc")
                .param("decisionId", "form-1"));
    }
}
