package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.PayloadTooLarge;
import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A payload too large for a task, or for Temporal, is the caller's to shorten: 413 problem+json,
 * logged without a stack trace, never a 500.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class PayloadTooLargeTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void readsAnswerTheStubbedViews() {
        StubbedReads.readsAnswerTheStubbedViews(countersign);
    }

    @BeforeEach
    void aTaskDaveRequested() {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(TaskFixtures.reviewedTask("refund-42", "dave", List.of("support-leads"))));
    }

    private ResultActions guide() throws Exception {
        return mvc.perform(post("/api/tasks/refund-42/guidance")
                .with(as("dave"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"text":"refund the shipping too"}
                        """));
    }

    private static WorkflowServiceException wrapped(Status status) {
        return new WorkflowServiceException(
                WorkflowExecution.newBuilder().setWorkflowId("refund-42").build(),
                "AgentTaskWorkflow",
                status.asRuntimeException());
    }

    @Test
    void theFacadesRefusalIs413NamingTheLimit(CapturedOutput output) throws Exception {
        willThrow(new PayloadTooLarge("the guidance", 300_000, 262_144))
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PayloadTooLarge"))
                .andExpect(jsonPath("$.type").value("https://countersign.dev/problems/payload-too-large"))
                .andExpect(jsonPath("$.detail").value("the guidance has 300000 bytes; a task accepts at most 262144"));
        assertThat(output).doesNotContain(" ERROR ");
    }

    @Test
    void theWorkflowsRefusalIs413Too() throws Exception {
        willThrow(new DecisionRefused(DecisionRefusal.PAYLOAD_TOO_LARGE, "the comment has 300000 bytes"))
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("PayloadTooLarge"));
    }

    @Test
    void grpcsMessageLimitOnAGoServerIs413(CapturedOutput output) throws Exception {
        willThrow(wrapped(Status.RESOURCE_EXHAUSTED.withDescription(
                        "grpc: received message larger than max (5242926 vs. 4194304)")))
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PayloadTooLarge"))
                .andExpect(jsonPath("$.detail")
                        .value("the request is too large for the Temporal server (RESOURCE_EXHAUSTED); nothing was"
                                + " changed: send less"));
        assertThat(output).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void grpcsMessageLimitOnAJavaServerOrClientIs413() throws Exception {
        willThrow(Status.RESOURCE_EXHAUSTED
                        .withDescription("Decompressed gRPC message exceeds maximum size 4194304")
                        .asRuntimeException())
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("PayloadTooLarge"));
    }

    @Test
    void theServersBlobLimitIs413() throws Exception {
        willThrow(wrapped(Status.INVALID_ARGUMENT.withDescription("Blob data size exceeds limit.")))
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("PayloadTooLarge"));
    }

    @Test
    void resourceExhaustedWithoutAReasonIs413() throws Exception {
        willThrow(Status.RESOURCE_EXHAUSTED.asRuntimeException())
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isContentTooLarge());
    }

    @Test
    void throttlingIsAServiceUnavailableToRetryNotASizeProblem() throws Exception {
        willThrow(wrapped(Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded")))
                .given(countersign)
                .guide(eq("refund-42"), any());

        guide().andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("TemporalUnavailable"));
    }
}
