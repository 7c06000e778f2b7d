package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.listing.TaskRead;
import dev.countersign.task.TaskStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ReadTasksTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void pagedReadsAnswerTheStubbedReads() {
        StubbedReads.pagedReadsAnswerTheStubbedReads(countersign);
    }

    @Test
    void listAsksTheFacadeForFiftyTasksByDefault() throws Exception {
        given(countersign.taskList(50))
                .willReturn(List.of(TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.RUNNING))));

        mvc.perform(get("/api/tasks").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[0].taskId").value("refund-42"))
                .andExpect(jsonPath("$[0].status").value("RUNNING"));
    }

    @Test
    void listPassesTheLimit() throws Exception {
        given(countersign.taskList(7)).willReturn(List.of());

        mvc.perform(get("/api/tasks?limit=7").with(as("alice"))).andExpect(status().isOk());

        verify(countersign).taskList(7);
    }

    @Test
    void limitOutsideItsRangeIsABadRequest() throws Exception {
        mvc.perform(get("/api/tasks?limit=0").with(as("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must lie between 1 and 500, was 0"));
        mvc.perform(get("/api/tasks?limit=lots").with(as("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verify(countersign, never()).taskList(anyInt());
    }

    @Test
    void oneTaskIsTheTaskViewAsItIs() throws Exception {
        given(countersign.read("refund-42"))
                .willReturn(
                        Optional.of(TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.AWAITING_APPROVAL))));

        mvc.perform(get("/api/tasks/refund-42").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"taskId":"refund-42","agent":"support","goal":"refund order 42",
                         "input":{"orderId":42},"requester":"dave","status":"AWAITING_APPROVAL",
                         "actions":[],"startedAt":"2026-03-01T09:00:00Z"}
                        """));
    }

    @Test
    void unknownTaskIsNotFound() throws Exception {
        given(countersign.read("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/tasks/nope").with(as("bob")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TaskNotFound"))
                .andExpect(jsonPath("$.type").value("https://countersign.dev/problems/task-not-found"))
                .andExpect(jsonPath("$.detail").value("no task 'nope'"))
                .andExpect(jsonPath("$.instance").value("/api/tasks/nope"));
    }
}
