package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import dev.countersign.client.ReviewQueue;
import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.listing.ReadFailure;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Listings show a task that cannot be read as an entry with {@code status} and {@code error}
 * beside the normal ones; such a task still takes a cancellation, and operators terminate it.
 */
@ApiTest
class UnreadableTasksInTheApiTest {

    private static final UnreadableTask WEDGED = new UnreadableTask(
            "wedged-1",
            UnreadableTask.UNREADABLE,
            "dave",
            "the task did not answer within PT1S",
            ReadFailure.TIMEOUT,
            List.of("support-leads"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void pagedReadsAnswerTheStubbedReads() {
        StubbedReads.pagedReadsAnswerTheStubbedReads(countersign);
    }

    @Test
    void theTaskListShowsAnUnreadableTaskInItsPlaceAndTheOthersAsUsual() throws Exception {
        given(countersign.taskList(50))
                .willReturn(List.of(
                        TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.RUNNING)), TaskRead.of(WEDGED)));

        mvc.perform(get("/api/tasks").with(as("olga")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].taskId").value("refund-42"))
                .andExpect(jsonPath("$[0].goal").exists())
                .andExpect(jsonPath("$[0].error").doesNotExist())
                .andExpect(jsonPath("$[1].taskId").value("wedged-1"))
                .andExpect(jsonPath("$[1].status").value("UNREADABLE"))
                .andExpect(jsonPath("$[1].requester").value("dave"))
                .andExpect(jsonPath("$[1].error").value("the task did not answer within PT1S"))
                .andExpect(jsonPath("$[1].awaitingGroups").doesNotExist());
    }

    @Test
    void theInboxAndTheReviewQueueListUnreadableTasksAfterTheirEntries() throws Exception {
        given(countersign.inbox(any(), any(), anyInt(), any()))
                .willReturn(new ApprovalInbox(List.of(TaskFixtures.approval("refund-42.a2")), List.of(WEDGED)));
        given(countersign.reviewQueue(any(), any(), org.mockito.ArgumentMatchers.eq(true)))
                .willReturn(new ReviewQueue(List.of(), List.of(WEDGED)));

        mvc.perform(get("/api/approvals").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].approvalId").value("refund-42.a2"))
                .andExpect(jsonPath("$[1].taskId").value("wedged-1"))
                .andExpect(jsonPath("$[1].error").exists());
        mvc.perform(get("/api/reviews").with(as("olga")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("UNREADABLE"));
    }

    @Test
    void oneUnreadableTaskIsAnsweredWithItsRow() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(get("/api/tasks/wedged-1").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNREADABLE"))
                .andExpect(jsonPath("$.error").value("the task did not answer within PT1S"));
    }

    @Test
    void itsRequesterCancelsAnUnreadableTaskThroughTemporal() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(post("/api/tasks/wedged-1/cancel")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"stuck\"}"))
                .andExpect(status().isAccepted());

        verify(countersign).requestCancellation("wedged-1", new TaskMessage("dave", "stuck"));
        verify(countersign, never()).cancel(any(), any());
    }

    @Test
    void anUnreadableTaskIsListedForThoseItsSearchAttributesNameAndOperatorsOnly() throws Exception {
        given(countersign.taskList(50))
                .willReturn(List.of(
                        TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.RUNNING)), TaskRead.of(WEDGED)));

        mvc.perform(get("/api/tasks").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].taskId").value("wedged-1"));
        mvc.perform(get("/api/tasks").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/tasks").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void someoneElseMayNotCancelAnUnreadableTaskButAnOperatorMay() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(post("/api/tasks/wedged-1/cancel").with(as("alice")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotRequesterOrOperator"));
        mvc.perform(post("/api/tasks/wedged-1/cancel").with(as("bob")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
        mvc.perform(post("/api/tasks/wedged-1/cancel").with(as("olga"))).andExpect(status().isAccepted());
        verify(countersign).requestCancellation("wedged-1", new TaskMessage("olga", ""));
    }

    @Test
    void anUnreadableTaskCannotPromiseARollback() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(post("/api/tasks/wedged-1/cancel")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rollback\":true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TaskUnreadable"));
        verify(countersign, never()).requestCancellation(any(), any());
    }

    @Test
    void aTerminatedTaskIsNotCancelledAgain() throws Exception {
        given(countersign.read("wedged-1"))
                .willReturn(Optional.of(TaskRead.of(
                        new UnreadableTask("wedged-1", "TERMINATED", "dave", "terminated", null, List.of()))));

        mvc.perform(post("/api/tasks/wedged-1/cancel").with(as("dave")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TaskNotActive"));
    }

    @Test
    void anOperatorTerminatesATaskWithAReason() throws Exception {
        mvc.perform(post("/api/tasks/wedged-1/terminate")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\" its goal is 3 MB \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TERMINATED"))
                .andExpect(jsonPath("$.terminatedBy").value("olga"))
                .andExpect(jsonPath("$.reason").value("its goal is 3 MB"));

        verify(countersign).terminate("wedged-1", "olga", "its goal is 3 MB");
    }

    @Test
    void terminationNeedsAReasonAndAnOperator() throws Exception {
        mvc.perform(post("/api/tasks/wedged-1/terminate")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("InvalidRequest"));
        mvc.perform(post("/api/tasks/wedged-1/terminate")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"mine\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAnOperator"));
        verify(countersign, never()).terminate(any(), any(), any());
    }

    @Test
    void terminatingAnUnknownOrEndedTaskIsRefused() throws Exception {
        willThrow(new TaskNotFound("no task nope"))
                .given(countersign)
                .terminate(org.mockito.ArgumentMatchers.eq("nope"), any(), any());
        willThrow(new TaskNotActive("task done has ended: COMPLETED"))
                .given(countersign)
                .terminate(org.mockito.ArgumentMatchers.eq("done"), any(), any());

        mvc.perform(post("/api/tasks/nope/terminate")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
        mvc.perform(post("/api/tasks/done/terminate")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TaskNotActive"));
    }

    @Test
    void anUnreadableTaskCannotBeSteeredAndSaysSoAtOnce() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(post("/api/tasks/wedged-1/guidance")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"hurry\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TaskUnreadable"));
        verify(countersign, never()).task(any());
        verify(countersign, never()).guide(any(), any());
    }
}
