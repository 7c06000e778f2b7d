package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.activities.tool.ArgumentSchema;
import dev.countersign.activities.tool.Tool;
import dev.countersign.activities.tool.ToolRegistry;
import dev.countersign.client.Countersign;
import dev.countersign.tool.ToolInvocation;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The approval page shows an MCP tool's hints as the server's, and nothing for tools without any. */
@ConsoleTest
class ServerHintsOnTheApprovalPageTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @MockitoBean
    ToolRegistry tools;

    @Test
    void aToolWithHintsShowsThemAsHintsFromTheServer() throws Exception {
        Tool refund = new RefundToolSchema();
        given(tools.find("issue_refund")).willReturn(Optional.of(new Tool() {
            @Override
            public String name() {
                return refund.name();
            }

            @Override
            public ArgumentSchema schema() {
                return refund.schema();
            }

            @Override
            public Map<String, Object> annotations() {
                return Map.of("readOnlyHint", false, "destructiveHint", true);
            }

            @Override
            public Map<String, Object> execute(ToolInvocation invocation) {
                throw new UnsupportedOperationException("the page never runs a tool");
            }
        }));
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));

        mvc.perform(get("/approvals/t-1.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Hints from the server"),
                                containsString("destructiveHint: true, readOnlyHint: false"),
                                containsString("not checked by Countersign"))));
    }

    @Test
    void aToolWithoutHintsShowsNone() throws Exception {
        given(tools.find("issue_refund")).willReturn(Optional.of(new RefundToolSchema()));
        ApprovalPageStubs.pending(countersign, mediumRefund("t-1", "250", "sha256:abc"));

        mvc.perform(get("/approvals/t-1.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Hints from the server"))));
    }
}
