package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.ada;
import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.dave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.client.StartedTask;
import dev.countersign.client.TaskNotActive;
import dev.countersign.history.TaskHistory;
import dev.countersign.service.api.StubbedReads;
import dev.countersign.service.console.task.TaskPagesController;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStart;
import dev.countersign.task.TaskStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Requesters start a demo refund from the console; anyone steers a running task; ended tasks say so. */
@ConsoleTest
class TaskPagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void readsAnswerTheStubbedViews() {
        StubbedReads.readsAnswerTheStubbedViews(countersign);
    }

    @Test
    void requesterStartsADemoRefundAsThemselves() throws Exception {
        given(countersign.start(any()))
                .willAnswer(call -> new StartedTask(((TaskStart) call.getArgument(0)).taskId(), true, "RUNNING"));

        mvc.perform(post("/tasks")
                        .with(dave())
                        .with(csrf())
                        .param("orderId", "A-1")
                        .param("amount", "250")
                        .param("currency", "usd")
                        .param("customer", "ana.silva@example.com")
                        .param("reason", "charged twice"))
                .andExpect(redirectedUrlPattern("/tasks/refund-*"));

        ArgumentCaptor<TaskStart> start = ArgumentCaptor.forClass(TaskStart.class);
        verify(countersign).start(start.capture());
        assertThat(start.getValue().requester()).isEqualTo("dave");
        assertThat(start.getValue().agent()).isEqualTo("support");
        assertThat(start.getValue().input())
                .containsEntry("amount", new BigDecimal("250"))
                .containsEntry("currency", "USD");
    }

    @Test
    void reviewerWhoIsNoRequesterCannotStartTasks() throws Exception {
        mvc.perform(post("/tasks")
                        .with(alice())
                        .with(csrf())
                        .param("orderId", "A-1")
                        .param("amount", "250")
                        .param("currency", "USD")
                        .param("customer", "ana.silva@example.com"))
                .andExpect(status().isForbidden());
        verify(countersign, never()).start(any());
    }

    @Test
    void demoRefundWithABadAmountIsNotStarted() throws Exception {
        mvc.perform(post("/tasks")
                        .with(dave())
                        .with(csrf())
                        .param("orderId", "A-1")
                        .param("amount", "-3")
                        .param("currency", "USD")
                        .param("customer", "ana.silva@example.com"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter an amount above 0")));
        verify(countersign, never()).start(any());
    }

    @Test
    void taskPageShowsStateAndPollsWhileItRuns() throws Exception {
        given(countersign.task("t-5")).willReturn(Optional.of(ConsoleFixtures.task("t-5", TaskStatus.RUNNING, null)));
        given(countersign.history("t-5")).willReturn(new TaskHistory("t-5", null, List.of()));

        mvc.perform(get("/tasks/t-5").with(dave()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-status\"")))
                .andExpect(content().string(containsString("hx-get=\"/tasks/t-5/live?seen=")))
                .andExpect(content().string(containsString("action=\"/tasks/t-5/cancel\"")))
                .andExpect(content().string(containsString("<dd id=\"task-steps\">3 · 4,200 tokens</dd>")))
                .andExpect(content().string(containsString("class=\"reject\">Cancel task</button>")));
    }

    @Test
    void guidanceIsSentAsTheSignedInUser() throws Exception {
        given(countersign.task("t-5"))
                .willReturn(Optional.of(ConsoleFixtures.task(
                        "t-5", TaskStatus.AWAITING_APPROVAL, ConsoleFixtures.mediumRefund("t-5", "250", "d"))));
        mvc.perform(post("/tasks/t-5/guidance").with(alice()).with(csrf()).param("text", "refund only 200"))
                .andExpect(redirectedUrl("/tasks/t-5"));
        verify(countersign).guide(eq("t-5"), eq(new TaskMessage("alice", "refund only 200")));
    }

    @Test
    void guidanceLongerThanItsLimitIsRefusedWithTheLimit() throws Exception {
        given(countersign.task("t-5"))
                .willReturn(Optional.of(ConsoleFixtures.task(
                        "t-5", TaskStatus.AWAITING_APPROVAL, ConsoleFixtures.mediumRefund("t-5", "250", "d"))));
        mvc.perform(post("/tasks/t-5/guidance").with(alice()).with(csrf()).param("text", "g".repeat(4_001)))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("guidance is too long: 4001 characters, the limit is 4000")));
        verify(countersign, never()).guide(any(), any());
    }

    @Test
    void someoneWhoMayReadButIsOutsideTheTaskCannotSteerIt() throws Exception {
        given(countersign.task("t-5"))
                .willReturn(Optional.of(ConsoleFixtures.task(
                        "t-5", TaskStatus.AWAITING_APPROVAL, ConsoleFixtures.mediumRefund("t-5", "250", "d"))));
        mvc.perform(post("/tasks/t-5/guidance").with(ada()).with(csrf()).param("text", "refund everything"))
                .andExpect(redirectedUrl("/tasks/t-5"))
                .andExpect(flash().attribute("error", TaskPagesController.NOT_ALLOWED_TO_STEER));
        mvc.perform(post("/tasks/t-5/answer").with(ada()).with(csrf()).param("text", "yes"))
                .andExpect(flash().attribute("error", TaskPagesController.NOT_ALLOWED_TO_STEER));
        verify(countersign, never()).guide(any(), any());
        verify(countersign, never()).answer(any(), any());
    }

    @Test
    void guidanceToAnEndedTaskIsExplained() throws Exception {
        given(countersign.task("t-6")).willReturn(Optional.of(ConsoleFixtures.task("t-6", TaskStatus.COMPLETED, null)));
        org.mockito.BDDMockito.willThrow(new TaskNotActive("ended"))
                .given(countersign)
                .guide(eq("t-6"), any());
        mvc.perform(post("/tasks/t-6/guidance").with(dave()).with(csrf()).param("text", "stop"))
                .andExpect(flash().attribute("error", "The task has ended, so it takes no more guidance."));
    }

    @Test
    void unknownTaskIsTheConsolesNotFoundPage() throws Exception {
        given(countersign.task("nope")).willReturn(Optional.empty());
        mvc.perform(get("/tasks/nope").with(alice()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"));
    }
}
