package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ApprovalInboxTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void inboxListsWhatTheCallerMayDecideByNameAndGroups() throws Exception {
        given(countersign.inbox("carol", Set.of("finance", "support-leads")))
                .willReturn(new ApprovalInbox(List.of(TaskFixtures.approval("appr-1")), List.of()));

        mvc.perform(get("/api/approvals").with(as("carol")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].approvalId").value("appr-1"))
                .andExpect(jsonPath("$[0].args.amount").value(120.5))
                .andExpect(jsonPath("$[0].argsDigest").value("sha256:abc"));
    }

    @Test
    void inboxOfAUserWithNothingToDecideIsEmpty() throws Exception {
        given(countersign.inbox(any(), any())).willReturn(new ApprovalInbox(List.of(), List.of()));

        mvc.perform(get("/api/approvals").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void anyAuthenticatedUserMayReadOneApproval() throws Exception {
        given(countersign.approval("appr-1")).willReturn(Optional.of(TaskFixtures.approval("appr-1")));

        mvc.perform(get("/api/approvals/appr-1").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tool").value("issue_refund"))
                .andExpect(jsonPath("$.required").value(2));
    }

    @Test
    void approvalIdWithADotIsReadWhole() throws Exception {
        given(countersign.approval("ticket-9817.a2")).willReturn(Optional.of(TaskFixtures.approval("ticket-9817.a2")));

        mvc.perform(get("/api/approvals/ticket-9817.a2").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvalId").value("ticket-9817.a2"));
    }

    @Test
    void unknownApprovalIsNotFound() throws Exception {
        given(countersign.approval("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/approvals/nope").with(as("dave")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ApprovalNotFound"))
                .andExpect(jsonPath("$.detail").value("no pending approval 'nope'"));
    }
}
