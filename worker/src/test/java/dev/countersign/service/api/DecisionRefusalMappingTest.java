package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Each refusal type of the workflow becomes its own status, with the type as the problem's code. */
@ApiTest
class DecisionRefusalMappingTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aTaskBobReviews() {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(TaskFixtures.reviewedTask("refund-42", "dave", List.of("finance"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        DecisionRefusal.UNKNOWN_APPROVAL + ", 404, unknown-approval, Unknown approval",
        DecisionRefusal.ALREADY_DECIDED + ", 409, approval-already-decided, Approval already decided",
        DecisionRefusal.STALE_ARGS + ", 409, stale-args-digest, Stale args digest",
        DecisionRefusal.NOT_AN_APPROVER + ", 403, not-an-approver, Not an approver",
        DecisionRefusal.ALREADY_APPROVED_BY_REVIEWER
                + ", 403, already-approved-by-reviewer, Already approved by reviewer",
        DecisionRefusal.REQUESTER_CANNOT_DECIDE + ", 403, requester-cannot-decide, Requester cannot decide",
        DecisionRefusal.INVALID_DECISION + ", 400, invalid-decision, Invalid decision",
        DecisionRefusal.EDIT_DENIED + ", 400, edit-denied-by-policy, Edit denied by policy",
        DecisionRefusal.NOT_APPLICABLE + ", 409, not-applicable, Not applicable",
        DecisionRefusal.IDEMPOTENCY_KEY_REUSED + ", 422, idempotency-key-reused, Idempotency key reused",
    })
    void refusalTypeMapsToItsStatusAndCode(String type, int status, String slug, String title) throws Exception {
        given(countersign.decide(any())).willThrow(new DecisionRefused(type, "refused because " + type));

        approve()
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(type))
                .andExpect(jsonPath("$.type").value("https://countersign.dev/problems/" + slug))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").value("refused because " + type))
                .andExpect(jsonPath("$.instance").value("/api/approvals/refund-42.a2/decision"));
    }

    @Test
    void refusalOfAnUnmappedTypeIsAConflictThatKeepsItsCode() throws Exception {
        given(countersign.decide(any())).willThrow(new DecisionRefused("SomethingNew", "new rule"));

        approve().andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("SomethingNew"));
    }

    @Test
    void unknownApprovalIdIsNotFound() throws Exception {
        given(countersign.decide(any())).willThrow(new ApprovalNotFound("no pending approval 'refund-42.a2'"));

        approve()
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ApprovalNotFound"))
                .andExpect(jsonPath("$.detail").value("no pending approval 'refund-42.a2'"));
    }

    private org.springframework.test.web.servlet.ResultActions approve() throws Exception {
        return mvc.perform(post("/api/approvals/refund-42.a2/decision")
                .with(as("bob"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"decision":"approve","argsDigest":"sha256:abc"}
                        """));
    }
}
