package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.REQUESTED;
import static dev.countersign.service.console.ConsoleFixtures.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A tool whose JSON Schema no generated form can show (nested objects, one-of choices: MCP servers
 * and {@code @Tool} methods declare such schemas) is edited as one JSON object, checked against the
 * tool's schema before anything is sent.
 */
@ConsoleTest
class EditAsJsonWhereNoFormFitsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aParcelWaits() {
        ApprovalPageStubs.pending(countersign, parcel());
    }

    @Test
    void thePageOffersTheArgumentsAsJsonInsteadOfAGeneratedForm() throws Exception {
        mvc.perform(get("/approvals/t-5.a2").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-args-json\"")))
                .andExpect(content().string(containsString("&quot;city&quot; : &quot;Lyon&quot;")))
                .andExpect(content().string(containsString("do not fit a form")))
                .andExpect(content().string(not(containsString("name=\"arg.weightKg\""))));
    }

    @Test
    void aValidJsonEditIsSentWithItsNestedArguments() throws Exception {
        given(countersign.decide(any()))
                .willReturn(new DecisionResult("t-5.a2", ApprovalState.APPROVED, 1, 1, "sha256:new"));

        mvc.perform(edit("{\"address\":{\"street\":\"2 rue Neuve\",\"city\":\"Lyon\"},\"weightKg\":1.5}"))
                .andExpect(redirectedUrl("/tasks/t-5"));

        ArgumentCaptor<DecisionRequest> sent = ArgumentCaptor.forClass(DecisionRequest.class);
        verify(countersign).decide(sent.capture());
        assertThat(sent.getValue().kind()).isEqualTo(DecisionKind.EDIT);
        assertThat(sent.getValue().args())
                .isEqualTo(Map.of("address", Map.of("street", "2 rue Neuve", "city", "Lyon"), "weightKg", 1.5));
    }

    @Test
    void textThatIsNotJsonIsRefusedWithWhatWasWrongAndKeptForAnotherTry() throws Exception {
        mvc.perform(edit("{\"weightKg\": 1.5,"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString(
                                "The edited call is not valid: The edited arguments are not valid JSON")))
                .andExpect(content().string(containsString("{&quot;weightKg&quot;: 1.5,")));

        verify(countersign, never()).decide(any());
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() throws Exception {
        mvc.perform(edit("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must be one JSON object")));

        verify(countersign, never()).decide(any());
    }

    @Test
    void argumentsTheToolsSchemaRefusesAreNotSent() throws Exception {
        mvc.perform(edit("{\"address\":{\"street\":\"x\",\"city\":\"Lyon\"},\"weightKg\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;weightKg&#39; must be at least 0.1")));

        verify(countersign, never()).decide(any());
    }

    private static MockHttpServletRequestBuilder edit(String json) {
        return post("/approvals/t-5.a2/decision")
                .with(alice())
                .with(csrf())
                .param("decision", "edit")
                .param("argsDigest", "sha256:parcel")
                .param("argsJson", json);
    }

    private static PendingApproval parcel() {
        return new PendingApproval(
                "t-5.a2",
                "t-5",
                "a2",
                "ship_parcel",
                Map.of("address", Map.of("street", "1 rue Vieille", "city", "Lyon"), "weightKg", 2),
                "sha256:parcel",
                "the customer moved",
                0.9,
                List.of(),
                "dave",
                "parcels",
                "policy-hash",
                "support-leads",
                List.of("support-leads"),
                1,
                0,
                List.of(),
                REQUESTED,
                REQUESTED.plusSeconds(4 * 3600));
    }
}
