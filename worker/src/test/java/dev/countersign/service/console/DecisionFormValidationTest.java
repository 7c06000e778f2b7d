package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Decision forms are checked on the server as well: nothing invalid reaches the workflow. */
@ConsoleTest
class DecisionFormValidationTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aRefundWaitsForAlice() {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));
    }

    @Test
    void rejectionWithABlankReasonIsNotSent() throws Exception {
        mvc.perform(decision("reject").param("comment", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A rejection needs a reason")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void requestChangesWithoutACommentIsNotSent() throws Exception {
        mvc.perform(decision("request_changes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Requesting changes needs a comment")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void editWithAnAmountThatIsNoNumberIsNotSent() throws Exception {
        mvc.perform(decision("edit")
                        .param("arg.orderId", "A-1")
                        .param("arg.amount", "two hundred")
                        .param("arg.currency", "USD"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("amount must be a number")))
                .andExpect(content().string(containsString("value=\"two hundred\"")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void editThatBreaksTheSchemaIsNotSent() throws Exception {
        mvc.perform(decision("edit")
                        .param("arg.orderId", "A-1")
                        .param("arg.amount", "100")
                        .param("arg.currency", "usd"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("currency must match [A-Z]{3}")));
        mvc.perform(decision("edit").param("arg.orderId", "A-1").param("arg.currency", "USD"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("amount is required")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void unknownDecisionIsNotSent() throws Exception {
        mvc.perform(decision("maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose approve, reject, edit or request changes")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void decisionWithoutTheDigestOfWhatWasSeenIsNotSent() throws Exception {
        mvc.perform(post("/approvals/t-1.a2/decision")
                        .with(alice())
                        .with(csrf())
                        .param("decision", "approve"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Reload the page")));
        verify(countersign, never()).decide(any());
    }

    private static MockHttpServletRequestBuilder decision(String decision) {
        return post("/approvals/t-1.a2/decision")
                .with(alice())
                .with(csrf())
                .param("decision", decision)
                .param("argsDigest", "sha256:abc")
                .param("decisionId", "form-1");
    }
}
