package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.bob;
import static dev.countersign.service.console.ConsoleFixtures.largeRefund;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.client.Countersign;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** What a decision form sends: the signed-in reviewer, the digest shown, the form's key, typed edits. */
@ConsoleTest
class ConsoleDecisionTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void approvalThatReachesQuorumOpensTheTaskPage() throws Exception {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));
        given(countersign.decide(any()))
                .willReturn(new DecisionResult("t-1.a2", ApprovalState.APPROVED, 1, 1, "sha256:abc"));

        mvc.perform(post("/approvals/t-1.a2/decision")
                        .with(alice())
                        .with(csrf())
                        .param("decision", "approve")
                        .param("argsDigest", "sha256:abc")
                        .param("decisionId", "form-7")
                        .param("reviewer", "mallory"))
                .andExpect(redirectedUrl("/tasks/t-1"))
                .andExpect(flash().attribute("notice", "Approved: the call has its approvals and runs now."));

        DecisionRequest sent = sent();
        assertThat(sent.reviewer()).isEqualTo("alice");
        assertThat(sent.reviewerGroups()).isEqualTo(Set.of("support-leads"));
        assertThat(sent.kind()).isEqualTo(DecisionKind.APPROVE);
        assertThat(sent.argsDigest()).isEqualTo("sha256:abc");
        assertThat(sent.decisionId()).isEqualTo("form-7");
    }

    @Test
    void editSendsTheArgumentsTypedByTheToolsSchemaAndSaysItStillWaits() throws Exception {
        ApprovalPageStubs.pending(countersign, largeRefund("t-2", "5000", "sha256:five"));
        given(countersign.decide(any()))
                .willReturn(new DecisionResult("t-2.a2", ApprovalState.PENDING, 1, 2, "sha256:four"));

        mvc.perform(post("/approvals/t-2.a2/decision")
                        .with(bob())
                        .with(csrf())
                        .param("decision", "edit")
                        .param("argsDigest", "sha256:five")
                        .param("arg.orderId", "A-1")
                        .param("arg.amount", "4000")
                        .param("arg.currency", "USD")
                        .param("comment", "only the duplicate charge"))
                .andExpect(redirectedUrl("/approvals/t-2.a2"))
                .andExpect(flash().attribute(
                                "notice", "Your edit was recorded. 1 of 2 approvals; it waits for 1 more approver."));

        DecisionRequest sent = sent();
        assertThat(sent.kind()).isEqualTo(DecisionKind.EDIT);
        assertThat(sent.args())
                .isEqualTo(Map.of("orderId", "A-1", "amount", new BigDecimal("4000"), "currency", "USD"));
        assertThat(sent.argsDigest()).isEqualTo("sha256:five");
        assertThat(sent.comment()).isEqualTo("only the duplicate charge");
    }

    @Test
    void rejectionSendsTheReason() throws Exception {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-3", "250", "sha256:abc"));
        given(countersign.decide(any()))
                .willReturn(new DecisionResult("t-3.a2", ApprovalState.REJECTED, 0, 1, "sha256:abc"));

        mvc.perform(post("/approvals/t-3.a2/decision")
                        .with(alice())
                        .with(csrf())
                        .param("decision", "reject")
                        .param("argsDigest", "sha256:abc")
                        .param("comment", "not a duplicate"))
                .andExpect(redirectedUrl("/tasks/t-3"));

        assertThat(sent().comment()).isEqualTo("not a duplicate");
        assertThat(sent().kind()).isEqualTo(DecisionKind.REJECT);
    }

    private DecisionRequest sent() {
        ArgumentCaptor<DecisionRequest> decision = ArgumentCaptor.forClass(DecisionRequest.class);
        verify(countersign, org.mockito.Mockito.atLeastOnce()).decide(decision.capture());
        return decision.getValue();
    }
}
