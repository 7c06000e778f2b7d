package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.approval;
import static dev.countersign.service.console.ConsoleFixtures.bob;
import static dev.countersign.service.console.ConsoleFixtures.largeRefund;
import static dev.countersign.service.console.ConsoleFixtures.refundArgs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.service.console.inbox.BulkResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Bulk approval sends one decision per selected row, each bound to its row's digest; one refusal spares the rest. */
@ConsoleTest
class BulkApproveTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void eachSelectedApprovalIsItsOwnDecisionAndARefusalIsReportedBesideTheOthers() throws Exception {
        for (PendingApproval approval : List.of(
                largeRefund("b-1", "2000", "sha256:one"),
                largeRefund("b-2", "3000", "sha256:two"),
                largeRefund("b-3", "4000", "sha256:three-now"))) {
            given(countersign.approval(approval.approvalId())).willReturn(Optional.of(approval));
        }
        given(countersign.decide(argThat(
                        request -> request != null && !request.approvalId().equals("b-3.a2"))))
                .willAnswer(call -> {
                    DecisionRequest request = call.getArgument(0);
                    return new DecisionResult(request.approvalId(), ApprovalState.PENDING, 1, 2, request.argsDigest());
                });
        given(countersign.decide(argThat(
                        request -> request != null && request.approvalId().equals("b-3.a2"))))
                .willThrow(new DecisionRefused(DecisionRefusal.STALE_ARGS, "args changed"));

        var result = mvc.perform(post("/inbox/approve")
                        .with(bob())
                        .with(csrf())
                        .param("selected", "b-1.a2 sha256:one", "b-2.a2 sha256:two", "b-3.a2 sha256:three-then")
                        .param("comment", "checked the statements"))
                .andExpect(redirectedUrl("/inbox"))
                .andReturn();

        ArgumentCaptor<DecisionRequest> sent = ArgumentCaptor.forClass(DecisionRequest.class);
        verify(countersign, times(3)).decide(sent.capture());
        assertThat(sent.getAllValues())
                .extracting(DecisionRequest::approvalId, DecisionRequest::argsDigest, DecisionRequest::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b-1.a2", "sha256:one", DecisionKind.APPROVE),
                        org.assertj.core.groups.Tuple.tuple("b-2.a2", "sha256:two", DecisionKind.APPROVE),
                        org.assertj.core.groups.Tuple.tuple("b-3.a2", "sha256:three-then", DecisionKind.APPROVE));
        assertThat(sent.getAllValues()).allSatisfy(request -> {
            assertThat(request.reviewer()).isEqualTo("bob");
            assertThat(request.comment()).isEqualTo("checked the statements");
        });
        assertThat(sent.getAllValues()).extracting(DecisionRequest::decisionId).doesNotHaveDuplicates();

        @SuppressWarnings("unchecked")
        List<BulkResult> results = (List<BulkResult>) result.getFlashMap().get("bulkResults");
        assertThat(results)
                .extracting(BulkResult::approvalId, BulkResult::recorded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b-1.a2", true),
                        org.assertj.core.groups.Tuple.tuple("b-2.a2", true),
                        org.assertj.core.groups.Tuple.tuple("b-3.a2", false));
        assertThat(results.get(2).message()).contains("The call changed since you opened it");
    }

    @Test
    void approvalsOfDifferentRulesAreNotApprovedTogether() throws Exception {
        given(countersign.approval("r-1.a2")).willReturn(Optional.of(largeRefund("r-1", "2000", "sha256:one")));
        given(countersign.approval("r-2.a2"))
                .willReturn(Optional.of(
                        approval("r-2", "other-rule", "finance", 1, refundArgs("1500"), "sha256:two", List.of())));

        mvc.perform(post("/inbox/approve")
                        .with(bob())
                        .with(csrf())
                        .param("selected", "r-1.a2 sha256:one", "r-2.a2 sha256:two"))
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attribute(
                                "error",
                                "Bulk approval takes approvals of one rule at a time; you selected rules"
                                        + " large-refunds, other-rule. Nothing was approved."));
        verify(countersign, never()).decide(any());
    }

    @Test
    void nothingSelectedSendsNothing() throws Exception {
        mvc.perform(post("/inbox/approve").with(bob()).with(csrf()))
                .andExpect(flash().attribute("error", "Select at least one approval to approve."));
        verify(countersign, never()).decide(any());
    }
}
