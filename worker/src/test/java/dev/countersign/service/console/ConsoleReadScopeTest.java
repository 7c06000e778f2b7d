package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.ada;
import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.bob;
import static dev.countersign.service.console.ConsoleFixtures.dave;
import static dev.countersign.service.console.ConsoleFixtures.largeRefund;
import static dev.countersign.service.console.ConsoleFixtures.mediumRefund;
import static dev.countersign.service.console.ConsoleFixtures.olga;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.history.TaskHistory;
import dev.countersign.listing.TaskRead;
import dev.countersign.service.api.StubbedReads;
import dev.countersign.service.console.inbox.BulkResult;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console under the default read scope, {@code involved}: its lists show only the tasks the
 * signed-in user may read, and every page, live fragment and form of another task is the console's
 * not-found page, as for an unknown id. dave's $250 refund waits for support-leads (alice); his
 * $5,000 refund waits for finance (bob).
 */
@ConsoleTest
class ConsoleReadScopeTest {

    static final TaskView REFUND_250 =
            ConsoleFixtures.task("t250", TaskStatus.AWAITING_APPROVAL, mediumRefund("t250", "250", "sha256:a"));
    static final TaskView REFUND_5000 =
            ConsoleFixtures.task("t5000", TaskStatus.AWAITING_APPROVAL, largeRefund("t5000", "5000", "sha256:b"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void readsAnswerTheStubbedViews() {
        StubbedReads.readsAnswerTheStubbedViews(countersign);
    }

    @BeforeEach
    void davesTwoRefunds() {
        given(countersign.tasks(100)).willReturn(List.of(REFUND_250, REFUND_5000));
        given(countersign.taskList(100)).willReturn(List.of(TaskRead.of(REFUND_250), TaskRead.of(REFUND_5000)));
        for (TaskView task : List.of(REFUND_250, REFUND_5000)) {
            given(countersign.task(task.taskId())).willReturn(Optional.of(task));
            given(countersign.approval(task.pendingApprovalId())).willReturn(Optional.of(task.pendingApproval()));
            given(countersign.history(task.taskId())).willReturn(new TaskHistory(task.taskId(), null, List.of()));
        }
    }

    @Test
    void theTaskListShowsOnlyTheTasksTheUserMayRead() throws Exception {
        mvc.perform(get("/tasks").with(bob()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">t5000<"), not(containsString(">t250<")))));
        mvc.perform(get("/tasks").with(alice()))
                .andExpect(content().string(allOf(containsString(">t250<"), not(containsString(">t5000<")))));
        for (RequestPostProcessor everything : List.of(dave(), olga(), ada())) {
            mvc.perform(get("/tasks").with(everything))
                    .andExpect(content().string(allOf(containsString(">t250<"), containsString(">t5000<"))));
        }
    }

    @Test
    void theTaskPageAndItsLiveFragmentOfAnotherTaskAreNotFound() throws Exception {
        notFound(get("/tasks/t250").with(bob()));
        notFound(get("/tasks/t250/live").param("seen", "x").with(bob()));
        verify(countersign, never()).history("t250");

        mvc.perform(get("/tasks/t5000").with(bob())).andExpect(status().isOk());
        mvc.perform(get("/tasks/t250/live").param("seen", "x").with(alice())).andExpect(status().isOk());
    }

    @Test
    void anOutOfScopeTaskPageReadsExactlyAsAnUnknownOne() throws Exception {
        given(countersign.task("nope")).willReturn(Optional.empty());

        String outOfScope = notFound(get("/tasks/t250").with(bob()));
        String unknown = notFound(get("/tasks/nope").with(bob()));

        // Each page carries its own masked CSRF token; everything else is the same.
        String token = "name=\"csrf-token\" content=\"[^\"]*\"";
        assertThat(outOfScope.replace("t250", "ID").replaceAll(token, ""))
                .isEqualTo(unknown.replace("nope", "ID").replaceAll(token, ""));
    }

    @Test
    void theApprovalPageOfAnotherTaskIsNotFoundAndItsTimelineNeverRead() throws Exception {
        notFound(get("/approvals/t250.a2").with(bob()));
        verify(countersign, never()).history("t250");

        mvc.perform(get("/approvals/t250.a2").with(alice())).andExpect(status().isOk());
        mvc.perform(get("/approvals/t250.a2").with(ada())).andExpect(status().isOk());
    }

    @Test
    void aDecidedApprovalOfAnotherTaskDoesNotLeadToItsTask() throws Exception {
        given(countersign.approval("t250.a2")).willReturn(Optional.empty());

        notFound(get("/approvals/t250.a2").with(bob()));
    }

    @Test
    void formsOnAnotherTaskAreNotFoundAndSendNothing() throws Exception {
        given(countersign.decide(any()))
                .willThrow(
                        new DecisionRefused(DecisionRefusal.NOT_AN_APPROVER, "the current tier needs [support-leads]"));

        notFound(post("/approvals/t250.a2/decision")
                .with(bob())
                .with(csrf())
                .param("decision", "approve")
                .param("argsDigest", "sha256:a"));
        notFound(post("/approvals/t250.a2/claim").with(bob()).with(csrf()));
        notFound(post("/tasks/t250/guidance").with(bob()).with(csrf()).param("text", "refund everything"));
        notFound(post("/tasks/t250/answer").with(bob()).with(csrf()).param("text", "yes"));
        notFound(post("/tasks/t250/cancel").with(bob()).with(csrf()));
        notFound(post("/reviews/t250/a2").with(bob()).with(csrf()).param("verdict", "rollback"));
        notFound(post("/reviews/t250/a2/attention").with(bob()).with(csrf()).param("kind", "retry"));

        verify(countersign, never()).guide(any(), any());
        verify(countersign, never()).answer(any(), any());
        verify(countersign, never()).cancel(any(), any());
        verify(countersign, never()).review(any(), any());
        verify(countersign, never()).attend(any(), any());
    }

    @Test
    void bulkApprovalTreatsAnotherTasksApprovalAsNoLongerPending() throws Exception {
        var result = mvc.perform(post("/inbox/approve").with(bob()).with(csrf()).param("selected", "t250.a2 sha256:a"))
                .andReturn();

        @SuppressWarnings("unchecked")
        List<BulkResult> results = (List<BulkResult>) result.getFlashMap().get("bulkResults");
        assertThat(results).singleElement().satisfies(row -> {
            assertThat(row.recorded()).isFalse();
            assertThat(row.tool()).isEmpty();
            assertThat(row.message()).isEqualTo("no longer pending: it was decided meanwhile");
        });
        verify(countersign, never()).decide(any());
    }

    private String notFound(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Not found")))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
