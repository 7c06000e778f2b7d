package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.dave;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.task.TaskStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Notification links ({@code /approvals/{id}?decision=approve|reject}) open the approval page with
 * that decision ready; a GET never decides anything.
 */
@ConsoleTest
class ApprovalLinkDoesNotDecideTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void approveLinkShowsThePageWithApproveFocusedAndDecidesNothing() throws Exception {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));

        mvc.perform(get("/approvals/t-1.a2").param("decision", "approve").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"approve-button\" autofocus=\"autofocus\""),
                                containsString("medium-refunds"),
                                containsString("the customer was charged twice"),
                                containsString("90 %"),
                                containsString("0 of 1"),
                                containsString("name=\"argsDigest\" value=\"sha256:abc\""),
                                containsString("name=\"arg.amount\""))));

        verify(countersign, never()).decide(any());
    }

    @Test
    void rejectLinkOpensTheRejectFormAndDecidesNothing() throws Exception {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));

        mvc.perform(get("/approvals/t-1.a2").param("decision", "reject").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"reject\" open=\"open\"")));

        verify(countersign, never()).decide(any());
    }

    @Test
    void requesterSeesTheApprovalButNoDecisionForms() throws Exception {
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));

        mvc.perform(get("/approvals/t-1.a2").with(dave()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("You started this task"),
                                containsString(
                                        "issue_refund: Refunds part or all of what a customer paid for an" + " order."),
                                not(containsString("id=\"approve-button\"")))));
    }

    @Test
    void decidedApprovalLeadsToItsTask() throws Exception {
        given(countersign.approval("t-9.a2")).willReturn(Optional.empty());
        given(countersign.task("t-9")).willReturn(Optional.of(ConsoleFixtures.task("t-9", TaskStatus.COMPLETED, null)));

        mvc.perform(get("/approvals/t-9.a2").param("decision", "approve").with(dave()))
                .andExpect(redirectedUrl("/tasks/t-9"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void unknownApprovalIsTheConsolesNotFoundPage() throws Exception {
        given(countersign.approval("nope.a1")).willReturn(Optional.empty());
        given(countersign.task("nope")).willReturn(Optional.empty());

        mvc.perform(get("/approvals/nope.a1").with(alice()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Not found")));
    }
}
