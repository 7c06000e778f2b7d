package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.client.StartedTask;
import dev.countersign.client.TaskConflict;
import dev.countersign.client.UnknownAgent;
import dev.countersign.task.TaskStart;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class StartTaskTest {

    private static final String REFUND = """
            {"agent":"support","goal":"refund order 42","input":{"orderId":42},"taskId":"refund-42"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void newTaskAnswers201WithLocation() throws Exception {
        given(countersign.start(any())).willReturn(new StartedTask("refund-42", true, "RUNNING"));

        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFUND))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost/api/tasks/refund-42"))
                .andExpect(content().json("""
                        {"taskId":"refund-42","status":"RUNNING"}
                        """, org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void sameTaskAgainAnswers200WithTheSameBody() throws Exception {
        given(countersign.start(any())).willReturn(new StartedTask("refund-42", false, "AWAITING_APPROVAL"));

        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFUND))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().json("""
                        {"taskId":"refund-42","status":"AWAITING_APPROVAL"}
                        """, org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void taskStartCarriesTheRequestAndTheAuthenticatedRequester() throws Exception {
        given(countersign.start(any())).willReturn(new StartedTask("refund-42", true, "RUNNING"));

        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"agent":"support","goal":"refund order 42","input":{"orderId":42},
                                 "taskId":"refund-42","requester":"mallory"}
                                """))
                .andExpect(status().isCreated());

        ArgumentCaptor<TaskStart> start = ArgumentCaptor.forClass(TaskStart.class);
        verify(countersign).start(start.capture());
        assertThat(start.getValue())
                .isEqualTo(new TaskStart("refund-42", "support", "refund order 42", Map.of("orderId", 42), "dave"));
    }

    @Test
    void taskIdIsGeneratedWhenAbsent() throws Exception {
        given(countersign.start(any()))
                .willAnswer(call ->
                        new StartedTask(call.getArgument(0, TaskStart.class).taskId(), true, "RUNNING"));

        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"agent":"support","goal":"refund order 42"}
                                """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(org.hamcrest.Matchers.matchesPattern("task-[0-9a-f-]{36}")));
    }

    @Test
    void sameTaskIdWithADifferentRequestIsAConflict() throws Exception {
        given(countersign.start(any())).willThrow(new TaskConflict("task 'refund-42' exists with another goal"));

        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFUND))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TaskConflict"))
                .andExpect(jsonPath("$.detail").value("task 'refund-42' exists with another goal"));
    }

    @Test
    void unknownAgentIsABadRequest() throws Exception {
        given(countersign.start(any())).willThrow(new UnknownAgent("no agent model serves 'sales'"));

        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFUND))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("UnknownAgent"))
                .andExpect(jsonPath("$.detail").value("no agent model serves 'sales'"));
    }

    @Test
    void invalidTaskIdIsABadRequestThatNeverReachesTheFacade() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"agent":"support","goal":"g","taskId":"../etc/passwd"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("taskId must be")));
        verify(countersign, never()).start(any());
    }

    @Test
    void missingAgentIsABadRequest() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"goal":"g"}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a task needs an agent"));
        verify(countersign, never()).start(any());
    }

    @Test
    void userOutsideTheRequesterGroupsMayNotStartATask() throws Exception {
        mvc.perform(post("/api/tasks")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFUND))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NotARequester"))
                .andExpect(jsonPath("$.detail")
                        .value("starting a task needs one of the groups [support-agents, operators]"));
        verify(countersign, never()).start(any());
    }

    @Test
    void operatorsMayStartTasksByDefault() throws Exception {
        given(countersign.start(any())).willReturn(new StartedTask("refund-42", true, "RUNNING"));

        mvc.perform(post("/api/tasks")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REFUND))
                .andExpect(status().isCreated());
    }

    @Test
    void startWithoutCredentialsIsUnauthorized() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content(REFUND))
                .andExpect(status().isUnauthorized());
        verify(countersign, never()).start(any());
    }
}
