package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.bob;
import static dev.countersign.service.console.ConsoleFixtures.carol;
import static dev.countersign.service.console.ConsoleFixtures.largeRefund;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.countersign.client.Countersign;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A reviewer claims an approval; the others see who is looking at it, in the inbox and on the page. */
@ConsoleTest
class ClaimPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void othersSeeWhoIsLookingUntilItIsReleased() throws Exception {
        var approval = largeRefund("claim-1", "5000", "sha256:five");
        ApprovalPageStubs.pending(countersign, approval);
        org.mockito.BDDMockito.given(countersign.inbox(any(), any(), anyInt(), any()))
                .willReturn(new dev.countersign.client.ApprovalInbox(java.util.List.of(approval), java.util.List.of()));

        mvc.perform(post("/approvals/claim-1.a2/claim").with(bob()).with(csrf()))
                .andExpect(redirectedUrl("/approvals/claim-1.a2"));

        mvc.perform(get("/approvals/claim-1.a2").with(carol()))
                .andExpect(content().string(containsString("bob is looking at this since")));
        mvc.perform(get("/inbox").with(carol())).andExpect(content().string(containsString("bob since")));

        mvc.perform(post("/approvals/claim-1.a2/release").with(carol()).with(csrf()));
        mvc.perform(get("/approvals/claim-1.a2").with(carol()))
                .andExpect(content().string(containsString("bob is looking at this since")));

        mvc.perform(post("/approvals/claim-1.a2/release").with(bob()).with(csrf()))
                .andExpect(redirectedUrl("/approvals/claim-1.a2"));
        mvc.perform(get("/approvals/claim-1.a2").with(carol()))
                .andExpect(content().string(not(containsString("is looking at this since"))));
        verify(countersign, never()).decide(any());
    }
}
