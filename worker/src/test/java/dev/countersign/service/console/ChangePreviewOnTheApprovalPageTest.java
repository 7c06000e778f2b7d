package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The approval page shows what the call would change, as its tool previews it for exactly the
 * arguments under review, beside the raw arguments: escaped, its lines styled, cut for the page.
 */
@ConsoleTest
class ChangePreviewOnTheApprovalPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @MockitoBean
    ToolRegistry tools;

    private final PendingApproval refund = mediumRefund("t-1", "250", "sha256:abc");

    @BeforeEach
    void aRefundWaits() {
        ApprovalPageStubs.pending(countersign, refund);
    }

    @Test
    void thePreviewIsShownEscapedWithItsAddedAndRemovedLinesStyled() throws Exception {
        List<Map<String, Object>> asked = new ArrayList<>();
        previewing(args -> {
            asked.add(args);
            return Optional.of(
                    "--- notes.txt\n+++ notes.txt\n@@ -1,2 +1,2 @@\n kept\n-<b>old</b>\n+<script>alert(1)</script>\n");
        });

        mvc.perform(get("/approvals/t-1.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("What this changes"),
                                containsString("<span class=\"diff-file\">--- notes.txt\n</span>"),
                                containsString("<span class=\"diff-hunk\">@@ -1,2 +1,2 @@\n</span>"),
                                containsString("<span class=\"diff-context\"> kept\n</span>"),
                                containsString("<span class=\"diff-removed\">-&lt;b&gt;old&lt;/b&gt;\n</span>"),
                                containsString(
                                        "<span class=\"diff-added\">+&lt;script&gt;alert(1)&lt;/script&gt;\n</span>"),
                                not(containsString("<script>alert")))));
        assertThat(asked).containsExactly(refund.args());
    }

    @Test
    void aToolThatCannotSayShowsNoPreview() throws Exception {
        given(tools.find("issue_refund")).willReturn(Optional.of(new RefundToolSchema()));

        mvc.perform(get("/approvals/t-1.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("What this changes"))));
    }

    @Test
    void aPreviewThatFailsSaysTheChangeCouldNotBeShownAndThePageStillOpens() throws Exception {
        previewing(args -> {
            throw new IllegalStateException("the file server is gone");
        });

        mvc.perform(get("/approvals/t-1.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<span class=\"diff-note\">The change could not be shown: the file server is gone\n")))
                .andExpect(content().string(containsString("id=\"approve-button\"")));
    }

    @Test
    void aLongPreviewIsCutForThePageWithAMarker() throws Exception {
        String lines = IntStream.rangeClosed(1, 600).mapToObj(n -> "+line " + n).collect(Collectors.joining("\n"));
        previewing(args -> Optional.of("@@ -0,0 +1,600 @@\n" + lines + "\n"));

        mvc.perform(get("/approvals/t-1.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("+line 499\n")))
                .andExpect(content().string(not(containsString("+line 500\n"))))
                .andExpect(content().string(containsString("cut here for the page: 101 more lines not shown")));
    }

    private void previewing(Function<Map<String, Object>, Optional<String>> preview) {
        given(tools.find("issue_refund")).willReturn(Optional.of(new RefundToolSchema() {
            @Override
            public Optional<String> preview(Map<String, Object> args) {
                return preview.apply(args);
            }
        }));
    }
}
