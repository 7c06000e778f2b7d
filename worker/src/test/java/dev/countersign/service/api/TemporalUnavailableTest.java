package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import io.grpc.Status;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** While Temporal does not answer, the API says so with 503 and a Retry-After, not a generic 500. */
@ApiTest
class TemporalUnavailableTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void pagedReadsAnswerTheStubbedReads() {
        StubbedReads.pagedReadsAnswerTheStubbedReads(countersign);
    }

    @Test
    void anUnreachableServerIsAServiceUnavailableToRetry() throws Exception {
        given(countersign.taskList(50))
                .willThrow(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());

        mvc.perform(get("/api/tasks").with(as("dave")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TemporalUnavailable"))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "the Temporal server did not answer (UNAVAILABLE); nothing was changed, try again shortly"));
    }

    @Test
    void aDeadlineWrappedByTheClientIsRecognisedToo() throws Exception {
        given(countersign.read("t-1"))
                .willThrow(new WorkflowServiceException(
                        WorkflowExecution.newBuilder().setWorkflowId("t-1").build(),
                        "AgentTaskWorkflow",
                        Status.DEADLINE_EXCEEDED.asRuntimeException()));

        mvc.perform(get("/api/tasks/t-1").with(as("dave")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("TemporalUnavailable"));
    }

    @Test
    void otherGrpcFailuresStayUnexpected() throws Exception {
        given(countersign.taskList(50)).willThrow(Status.INTERNAL.asRuntimeException());

        mvc.perform(get("/api/tasks").with(as("dave")))
                .andExpect(status().isInternalServerError())
                .andExpect(
                        jsonPath("$.detail").value("an unexpected error occurred; it has been logged on the server"));
    }
}
