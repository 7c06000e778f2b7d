package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import dev.countersign.inbox.InvalidPageToken;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** GET /api/approvals answers one page of the caller's inbox, with a Link to the next. */
@ApiTest
class ApprovalInboxTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void inboxListsWhatTheCallerMayDecideByNameAndGroups() throws Exception {
        given(countersign.inbox("carol", Set.of("finance", "support-leads"), 50, null))
                .willReturn(new ApprovalInbox(List.of(TaskFixtures.approval("appr-1")), List.of()));

        mvc.perform(get("/api/approvals").with(as("carol")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].approvalId").value("appr-1"))
                .andExpect(jsonPath("$[0].args.amount").value(120.5))
                .andExpect(jsonPath("$[0].argsDigest").value("sha256:abc"));
    }

    @Test
    void inboxOfAUserWithNothingToDecideIsEmpty() throws Exception {
        given(countersign.inbox(any(), any(), anyInt(), any())).willReturn(new ApprovalInbox(List.of(), List.of()));

        mvc.perform(get("/api/approvals").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty())
                .andExpect(header().doesNotExist("Link"));
    }

    @Test
    void withoutALimitTheFirstFiftyTasksAreReadAndALinkNamesTheNextPage() throws Exception {
        given(countersign.inbox("carol", Set.of("finance", "support-leads"), 50, null))
                .willReturn(new ApprovalInbox(List.of(TaskFixtures.approval("appr-1")), List.of(), "next-1"));

        mvc.perform(get("/api/approvals").with(as("carol")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].approvalId").value("appr-1"))
                .andExpect(header().string("Link", "</api/approvals?limit=50&pageToken=next-1>; rel=\"next\""));
    }

    @Test
    void theLimitAndTokenAskedForAreReadAndTheLinkKeepsTheLimit() throws Exception {
        given(countersign.inbox("carol", Set.of("finance", "support-leads"), 2, "page_2-x"))
                .willReturn(new ApprovalInbox(List.of(TaskFixtures.approval("appr-3")), List.of(), "page_3"));

        mvc.perform(get("/api/approvals")
                        .param("limit", "2")
                        .param("pageToken", "page_2-x")
                        .with(as("carol")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].approvalId").value("appr-3"))
                .andExpect(header().string("Link", "</api/approvals?limit=2&pageToken=page_3>; rel=\"next\""));
    }

    @Test
    void theLastPageHasNoLink() throws Exception {
        given(countersign.inbox("carol", Set.of("finance", "support-leads"), 500, "last"))
                .willReturn(new ApprovalInbox(List.of(TaskFixtures.approval("appr-9")), List.of()));

        mvc.perform(get("/api/approvals?limit=500&pageToken=last").with(as("carol")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(header().doesNotExist("Link"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "ten", ""})
    void aLimitOutsideOneToFiveHundredIsABadRequest(String limit) throws Exception {
        mvc.perform(get("/api/approvals").param("limit", limit).with(as("carol")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(startsWith("limit must be a whole number from 1 to 500")));
        verify(countersign, never()).inbox(any(), any(), anyInt(), any());
    }

    @Test
    void aTokenWithCharactersNoTokenHasIsABadRequest() throws Exception {
        mvc.perform(get("/api/approvals").param("pageToken", "a'b").with(as("carol")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(startsWith("pageToken is not a token this server issued")));
    }

    @Test
    void aTokenTheDirectoryRefusesIsABadRequest() throws Exception {
        given(countersign.inbox(any(), any(), anyInt(), eq("forged"))).willThrow(new InvalidPageToken("not ours"));

        mvc.perform(get("/api/approvals").param("pageToken", "forged").with(as("carol")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(startsWith("pageToken is not a token this server issued")));
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
