package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.ApprovalState;
import dev.countersign.approval.DecisionKind;
import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.approval.DecisionResult;
import dev.countersign.approval.PendingApproval;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * POST /api/approvals/decisions: each approval is decided as a single decision is and answered on
 * its own; what is wrong with the request as a whole refuses all of it before anything is sent.
 */
@ApiTest
class BulkDecisionRequestsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void financeApprovalsOfOneRule() {
        given(countersign.approval(anyString()))
                .willAnswer(call -> Optional.of(approval(call.getArgument(0), "large-refunds", "finance")));
        given(countersign.task(anyString()))
                .willAnswer(call ->
                        Optional.of(TaskFixtures.reviewedTask(call.getArgument(0), "dave", List.of("finance"))));
        given(countersign.decide(any())).willAnswer(call -> {
            DecisionRequest decision = call.getArgument(0);
            if (decision == null) {
                return null; // Mockito's own call while a test stubs decide
            }
            return new DecisionResult(decision.approvalId(), ApprovalState.APPROVED, 1, 1, decision.argsDigest());
        });
    }

    @Test
    void eachApprovalIsDecidedBoundToItsDigestAndAnswered() throws Exception {
        bulk("carol", body("approve", "looks right", item("t-1.a2", "sha256:one"), item("t-2.a2", "sha256:two")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.recorded").value(2))
                .andExpect(jsonPath("$.refused").value(0))
                .andExpect(jsonPath("$.results[0].approvalId").value("t-1.a2"))
                .andExpect(jsonPath("$.results[0].recorded").value(true))
                .andExpect(jsonPath("$.results[0].state").value("APPROVED"))
                .andExpect(jsonPath("$.results[0].problem").doesNotExist())
                .andExpect(jsonPath("$.results[1].approvalId").value("t-2.a2"));

        ArgumentCaptor<DecisionRequest> sent = ArgumentCaptor.forClass(DecisionRequest.class);
        verify(countersign, atLeastOnce()).decide(sent.capture());
        assertThat(sent.getAllValues())
                .extracting(DecisionRequest::approvalId, DecisionRequest::argsDigest, DecisionRequest::reviewer)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("t-1.a2", "sha256:one", "carol"),
                        org.assertj.core.groups.Tuple.tuple("t-2.a2", "sha256:two", "carol"));
        assertThat(sent.getAllValues()).allSatisfy(decision -> {
            assertThat(decision.kind()).isEqualTo(DecisionKind.APPROVE);
            assertThat(decision.comment()).isEqualTo("looks right");
        });
    }

    @Test
    void aRefusedApprovalIsAnsweredWithTheProblemASingleDecisionGetsWhileTheOthersAreRecorded() throws Exception {
        given(countersign.decide(argThat(
                        decision -> decision != null && decision.approvalId().equals("t-2.a2"))))
                .willThrow(new DecisionRefused(DecisionRefusal.ALREADY_DECIDED, "approval t-2.a2 was already decided"));
        given(countersign.decide(argThat(
                        decision -> decision != null && decision.approvalId().equals("t-3.a2"))))
                .willThrow(new DecisionRefused(DecisionRefusal.STALE_ARGS, "the arguments changed"));

        bulk(
                        "carol",
                        body(
                                "approve",
                                null,
                                item("t-1.a2", "sha256:one"),
                                item("t-2.a2", "sha256:two"),
                                item("t-3.a2", "sha256:old")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(1))
                .andExpect(jsonPath("$.refused").value(2))
                .andExpect(jsonPath("$.results[0].recorded").value(true))
                .andExpect(jsonPath("$.results[1].recorded").value(false))
                .andExpect(jsonPath("$.results[1].state").doesNotExist())
                .andExpect(jsonPath("$.results[1].problem.status").value(409))
                .andExpect(jsonPath("$.results[1].problem.code").value("ApprovalAlreadyDecided"))
                .andExpect(jsonPath("$.results[1].problem.type")
                        .value("https://countersign.dev/problems/approval-already-decided"))
                .andExpect(jsonPath("$.results[1].problem.detail").value("approval t-2.a2 was already decided"))
                .andExpect(jsonPath("$.results[2].problem.code").value(DecisionRefusal.STALE_ARGS));
    }

    @Test
    void theIdempotencyKeyMakesEachApprovalsDecisionIdSoARetryIsAnsweredAsTheFirst() throws Exception {
        mvc.perform(post("/api/approvals/decisions")
                        .with(as("carol"))
                        .header("Idempotency-Key", "bulk-7")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("approve", null, item("t-1.a2", "sha256:one"), item("t-2.a2", "sha256:two"))))
                .andExpect(status().isOk());

        ArgumentCaptor<DecisionRequest> sent = ArgumentCaptor.forClass(DecisionRequest.class);
        verify(countersign, atLeastOnce()).decide(sent.capture());
        assertThat(sent.getAllValues())
                .extracting(DecisionRequest::decisionId)
                .containsExactlyInAnyOrder("bulk-7/t-1.a2", "bulk-7/t-2.a2");
    }

    @Test
    void aBadIdempotencyKeyIsRefusedAsForASingleDecision() throws Exception {
        mvc.perform(post("/api/approvals/decisions")
                        .with(as("carol"))
                        .header("Idempotency-Key", " ")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("approve", null, item("t-1.a2", "sha256:one"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void approvalsOfSeveralRulesAreRefusedAsAWholeNamingTheRules() throws Exception {
        given(countersign.approval("t-2.a2")).willReturn(Optional.of(approval("t-2.a2", "medium-refunds", "finance")));

        bulk("carol", body("approve", null, item("t-1.a2", "sha256:one"), item("t-2.a2", "sha256:two")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("MixedRules"))
                .andExpect(jsonPath("$.detail").value(containsString("large-refunds, medium-refunds")))
                .andExpect(jsonPath("$.detail").value(containsString("Nothing was decided")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void aCallerInNoGroupTheApprovalsWaitForIsForbiddenAndNothingIsSent() throws Exception {
        bulk("dave", body("approve", null, item("t-1.a2", "sha256:one"), item("t-2.a2", "sha256:two")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAnApprover"))
                .andExpect(jsonPath("$.detail").value(containsString("[finance]")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void moreThanFiveHundredApprovalsAreRefused() throws Exception {
        String[] items = IntStream.range(0, 501)
                .mapToObj(i -> item("t-" + i + ".a2", "sha256:x"))
                .toArray(String[]::new);

        bulk("carol", body("approve", null, items))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(startsWith("approvals must list 1 to 500 approvals, was 501")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void anEmptyListIsRefused() throws Exception {
        bulk("carol", body("approve", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("approvals must list 1 to 500 approvals, was 0")));
        bulk("carol", "{\"decision\":\"approve\"}").andExpect(status().isBadRequest());
    }

    @Test
    void anApprovalListedTwiceIsRefused() throws Exception {
        bulk("carol", body("approve", null, item("t-1.a2", "sha256:one"), item("t-1.a2", "sha256:one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value("approval t-1.a2 is listed twice; list each approval once"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void anApprovalWithoutItsDigestIsRefused() throws Exception {
        bulk("carol", "{\"decision\":\"approve\",\"approvals\":[{\"approvalId\":\"t-1.a2\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("approvals[0].argsDigest is required")));
    }

    @Test
    void onlyApproveAndRejectWithAReasonAreBulkDecisions() throws Exception {
        bulk("carol", body("edit", null, item("t-1.a2", "sha256:one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidDecision"))
                .andExpect(jsonPath("$.detail").value(containsString("approve or reject")));
        bulk("carol", body("reject", null, item("t-1.a2", "sha256:one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a rejection needs a reason: put it in comment"));
        verify(countersign, never()).decide(any());

        bulk("carol", body("REJECT", "duplicate requests", item("t-1.a2", "sha256:one")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(1));
        verify(countersign).decide(argThat(decision -> decision.kind() == DecisionKind.REJECT));
    }

    @Test
    void aCommentOverItsLimitIsRefusedOnceForTheWholeRequest() throws Exception {
        bulk("carol", body("approve", "x".repeat(20_000), item("t-1.a2", "sha256:one")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FieldTooLong"));
        verify(countersign, never()).decide(any());
    }

    @Test
    void aMalformedBodyIsABadRequest() throws Exception {
        bulk("carol", "{\"decision\":\"approve\",\"approvals\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"));
    }

    @Test
    void withoutCredentialsNothingIsDecided() throws Exception {
        mvc.perform(post("/api/approvals/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("approve", null, item("t-1.a2", "sha256:one"))))
                .andExpect(status().isUnauthorized());
        verify(countersign, never()).decide(any());
    }

    @Test
    void anUnavailableTemporalServerIsAnsweredAsForOneDecisionAndNothingIsSent() throws Exception {
        willThrow(new StatusRuntimeException(Status.UNAVAILABLE.withDescription("connection refused")))
                .given(countersign)
                .approval(anyString());

        bulk("carol", body("approve", "looks right", item("t-1.a2", "sha256:one"), item("t-2.a2", "sha256:two")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("TemporalUnavailable"));
        verify(countersign, never()).decide(any());
    }

    private ResultActions bulk(String user, String body) throws Exception {
        return mvc.perform(post("/api/approvals/decisions")
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String body(String decision, String comment, String... items) {
        return "{\"decision\":\"" + decision + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"")
                + ",\"approvals\":[" + String.join(",", items) + "]}";
    }

    private static String item(String approvalId, String digest) {
        return "{\"approvalId\":\"" + approvalId + "\",\"argsDigest\":\"" + digest + "\"}";
    }

    private static PendingApproval approval(String approvalId, String rule, String group) {
        PendingApproval fixture = TaskFixtures.approval(approvalId);
        return new PendingApproval(
                approvalId,
                approvalId.substring(0, approvalId.lastIndexOf('.')),
                fixture.actionId(),
                fixture.tool(),
                fixture.args(),
                fixture.argsDigest(),
                fixture.rationale(),
                fixture.confidence(),
                fixture.tags(),
                fixture.requester(),
                rule,
                fixture.policyHash(),
                group,
                List.of(group),
                1,
                0,
                List.of(),
                fixture.requestedAt(),
                fixture.escalatesAt());
    }
}
