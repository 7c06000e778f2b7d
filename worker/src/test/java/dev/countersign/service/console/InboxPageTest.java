package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.carol;
import static dev.countersign.service.console.ConsoleFixtures.largeRefund;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox lists what the reviewer may decide, filters it, and its poll answers 204 until something changes. */
@ConsoleTest
class InboxPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void carolHasALargeAndAMediumRefund() {
        given(countersign.inbox(eq("carol"), any(), anyInt(), any()))
                .willReturn(new ApprovalInbox(
                        List.of(largeRefund("i-2", "5000", "sha256:two"), mediumRefund("i-1", "250", "sha256:one")),
                        List.of()));
    }

    @Test
    void inboxAsksTheFacadeForTheSignedInReviewersApprovals() throws Exception {
        mvc.perform(get("/inbox").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("i-2.a2 sha256:two"),
                                containsString("i-1.a2 sha256:one"),
                                containsString("hx-trigger=\"every 3s\""))));
        org.mockito.Mockito.verify(countersign).inbox("carol", Set.of("finance"), 50, null);
    }

    @Test
    void filterByRiskKeepsOnlyMatchingRows() throws Exception {
        mvc.perform(get("/inbox").param("risk", "high").with(carol()))
                .andExpect(content().string(allOf(containsString("i-2.a2"), not(containsString("i-1.a2")))))
                .andExpect(content()
                        .string(allOf(
                                containsString("<label for=\"filter-risk\">Risk</label>"),
                                containsString("<option value=\"high\" selected=\"selected\">high</option>"))));
        mvc.perform(get("/inbox").param("group", "support-leads").with(carol()))
                .andExpect(content().string(allOf(containsString("i-1.a2"), not(containsString("i-2.a2")))));
        mvc.perform(get("/inbox").param("tool", "send_email").with(carol()))
                .andExpect(content().string(containsString("Nothing waits for you")));
    }

    @Test
    void pollAnswersNoContentWhileNothingChangedAndTheRowsOnceSomethingDid() throws Exception {
        String page = mvc.perform(get("/inbox").with(carol()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher poll = Pattern.compile("hx-get=\"([^\"]+)\"").matcher(page);
        assertThat(poll.find()).isTrue();
        String pollUrl = poll.group(1).replace("&amp;", "&");

        mvc.perform(get(pollUrl).with(carol())).andExpect(status().isNoContent());

        given(countersign.inbox(eq("carol"), any(), anyInt(), any()))
                .willReturn(inbox(List.of(
                        largeRefund("i-3", "7000", "sha256:three"),
                        largeRefund("i-2", "5000", "sha256:two"),
                        mediumRefund("i-1", "250", "sha256:one"))));
        mvc.perform(get(pollUrl).param("selected", "i-2.a2 sha256:two").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("i-3.a2 sha256:three"),
                                matchesPattern("(?s).*value=\"i-2.a2 sha256:two\"[^>]*checked=\"checked\".*"),
                                not(containsString("<html")))));
    }

    @Test
    void whenMoreTasksWaitThanTheFirstPageHoldsThePageSaysSo() throws Exception {
        given(countersign.inbox(eq("carol"), any(), anyInt(), any()))
                .willReturn(
                        new ApprovalInbox(List.of(largeRefund("i-2", "5000", "sha256:two")), List.of(), "next-page"));

        mvc.perform(get("/inbox").with(carol()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("i-2.a2 sha256:two"),
                                containsString("more wait beyond them"),
                                containsString("countersign inbox --all"))));
    }

    private static ApprovalInbox inbox(List<dev.countersign.approval.PendingApproval> approvals) {
        return new ApprovalInbox(approvals, List.of());
    }
}
