package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.bob;
import static dev.countersign.service.console.ConsoleFixtures.dave;
import static dev.countersign.service.console.ConsoleFixtures.olga;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import dev.countersign.client.ReviewQueue;
import dev.countersign.listing.ReadFailure;
import dev.countersign.listing.TaskRead;
import dev.countersign.listing.UnreadableTask;
import dev.countersign.service.api.StubbedReads;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox, the task list and the review queue show a task that cannot be read as a row that says so. */
@ConsoleTest
class UnreadableTasksInTheConsoleTest {

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
    void theInboxShowsTheApprovalsAndARowForTheUnreadableTask() throws Exception {
        given(countersign.inbox(any(), any(), anyInt(), any()))
                .willReturn(new ApprovalInbox(
                        List.of(ConsoleFixtures.mediumRefund("t-1", "250", "sha256:one")), List.of(WEDGED)));

        mvc.perform(get("/inbox").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("t-1.a2"),
                                containsString("Tasks that cannot be read right now"),
                                containsString("wedged-1"),
                                containsString("the task did not answer within PT1S"))));
    }

    @Test
    void theTaskListShowsTheUnreadableTaskInItsPlace() throws Exception {
        given(countersign.taskList(100))
                .willReturn(List.of(
                        TaskRead.of(ConsoleFixtures.task("t-2", TaskStatus.RUNNING, null)), TaskRead.of(WEDGED)));

        mvc.perform(get("/tasks").with(olga()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"/tasks/t-2\""),
                                containsString("Cannot be read: the task did not answer within PT1S"),
                                containsString("status-unreadable"),
                                not(containsString("href=\"/tasks/wedged-1\"")))));
    }

    @Test
    void theReviewQueueShowsTheUnreadableTasksItIsGiven() throws Exception {
        given(countersign.reviewQueue(any(), any(), anyBoolean()))
                .willReturn(new ReviewQueue(List.of(), List.of(WEDGED)));

        mvc.perform(get("/reviews").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Nothing waits for your review"), containsString("wedged-1"))));
    }

    @Test
    void theTaskPageOfAnUnreadableTaskSaysSoAndOffersCancelAndTerminate() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(get("/tasks/wedged-1").with(olga()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("This task cannot be read right now"),
                                containsString("the task did not answer within PT1S"),
                                containsString("action=\"/tasks/wedged-1/cancel\""),
                                containsString("action=\"/tasks/wedged-1/terminate\""))));
        mvc.perform(get("/tasks/wedged-1").with(alice()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("action=\"/tasks/wedged-1/cancel\""))))
                .andExpect(content().string(not(containsString("action=\"/tasks/wedged-1/terminate\""))));
        mvc.perform(get("/tasks/wedged-1").with(bob())).andExpect(status().isNotFound());
    }

    @Test
    void itsLiveFragmentSendsTheBrowserToThatPage() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(get("/tasks/wedged-1/live").with(olga()))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/tasks/wedged-1"));
    }

    @Test
    void itsRequesterCancelsItThroughTemporalAndAnOperatorTerminatesIt() throws Exception {
        given(countersign.read("wedged-1")).willReturn(Optional.of(TaskRead.of(WEDGED)));

        mvc.perform(post("/tasks/wedged-1/cancel").with(dave()).with(csrf()).param("reason", "stuck"))
                .andExpect(redirectedUrl("/tasks/wedged-1"))
                .andExpect(flash().attribute("notice", containsString("Temporal recorded the cancellation request")));
        verify(countersign).requestCancellation("wedged-1", new TaskMessage("dave", "stuck"));
        verify(countersign, never()).cancel(any(), any());

        mvc.perform(post("/tasks/wedged-1/cancel").with(alice()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/wedged-1/terminate").with(alice()).with(csrf()).param("reason", "wedged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/wedged-1/terminate").with(olga()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("needs a reason")));
        verify(countersign, never()).terminate(any(), any(), any());

        mvc.perform(post("/tasks/wedged-1/terminate").with(olga()).with(csrf()).param("reason", "wedged"))
                .andExpect(redirectedUrl("/tasks/wedged-1"))
                .andExpect(flash().attribute("notice", "The task was terminated."));
        verify(countersign).terminate("wedged-1", "olga", "wedged");
    }
}
