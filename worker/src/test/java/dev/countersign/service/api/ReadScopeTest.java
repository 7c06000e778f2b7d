package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.approval.DecisionRequest;
import dev.countersign.client.ApprovalNotFound;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.history.TaskHistory;
import dev.countersign.listing.TaskRead;
import dev.countersign.service.demo.DemoLedger;
import dev.countersign.service.demo.DemoLedgerController;
import dev.countersign.service.demo.LedgerSnapshot;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default read scope, {@code involved}: a task, its history and approvals are read by its
 * requester, the groups its policy tiers named, operators and admins; for anyone else the API answers
 * exactly as for an unknown id. dave's $250 refund waits for support-leads (alice); his $5,000 refund
 * went through finance (bob) and now waits for finance-managers.
 */
@ApiTest
@Import({TaskHistoryController.class, DemoLedgerController.class})
class ReadScopeTest {

    static final TaskView REFUND_250 =
            TaskFixtures.awaiting("t250", "dave", List.of("support-leads"), List.of("support-leads"));
    static final TaskView REFUND_5000 =
            TaskFixtures.awaiting("t5000", "dave", List.of("finance", "finance-managers"), List.of("finance-managers"));
    static final TaskView SAMS = TaskFixtures.task("t-sam", "sam", TaskStatus.RUNNING);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @MockitoBean
    DemoLedger ledger;

    @BeforeEach
    void tasks() {
        StubbedReads.pagedReadsAnswerTheStubbedReads(countersign);
        given(countersign.tasks(50)).willReturn(List.of(REFUND_250, REFUND_5000, SAMS));
        given(countersign.taskList(50))
                .willReturn(List.of(TaskRead.of(REFUND_250), TaskRead.of(REFUND_5000), TaskRead.of(SAMS)));
        for (TaskView task : List.of(REFUND_250, REFUND_5000, SAMS)) {
            given(countersign.task(task.taskId())).willReturn(Optional.of(task));
            given(countersign.read(task.taskId())).willReturn(Optional.of(TaskRead.of(task)));
            if (task.pendingApproval() != null) {
                given(countersign.approval(task.pendingApprovalId())).willReturn(Optional.of(task.pendingApproval()));
            }
        }
        given(countersign.task("nope")).willReturn(Optional.empty());
        given(countersign.approval("nope.a2")).willReturn(Optional.empty());
    }

    @Test
    void theListShowsEachCallerOnlyTheTasksTheyMayRead() throws Exception {
        assertThat(listedFor("dave")).containsExactly("t250", "t5000");
        assertThat(listedFor("alice")).containsExactly("t250");
        assertThat(listedFor("bob")).containsExactly("t5000");
        assertThat(listedFor("sam")).containsExactly("t-sam");
        assertThat(listedFor("olga")).containsExactly("t250", "t5000", "t-sam");
        assertThat(listedFor("ada")).containsExactly("t250", "t5000", "t-sam");
    }

    @Test
    void theRequesterTheTiersGroupsOperatorsAndAdminsReadTheTask() throws Exception {
        for (String reader : List.of("dave", "alice", "olga", "ada")) {
            mvc.perform(get("/api/tasks/t250").with(as(reader)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.taskId").value("t250"));
        }
        // bob's tier (finance) has passed, but it was named: he still reads the task and its approval.
        mvc.perform(get("/api/tasks/t5000").with(as("bob"))).andExpect(status().isOk());
        mvc.perform(get("/api/approvals/t5000.a2").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvalId").value("t5000.a2"));
    }

    @Test
    void aTaskOutOfScopeAnswersExactlyAsAnUnknownOne() throws Exception {
        MvcResult outOfScope = problem(get("/api/tasks/t250").with(as("bob")));
        MvcResult unknown = problem(get("/api/tasks/nope").with(as("bob")));

        assertSameProblem(outOfScope, "t250", unknown, "nope");
        assertThat(outOfScope.getResponse().getContentAsString())
                .contains("\"code\":\"TaskNotFound\"")
                .contains("no task 't250'");
    }

    @Test
    void historyOutOfScopeIsNotFoundAndNeverRead() throws Exception {
        given(countersign.history("t250")).willReturn(new TaskHistory("t250", null, List.of()));

        assertSameProblem(
                problem(get("/api/tasks/t250/history").with(as("bob"))),
                "t250",
                problem(get("/api/tasks/nope/history").with(as("bob"))),
                "nope");
        verify(countersign, never()).history("t250");

        mvc.perform(get("/api/tasks/t250/history").with(as("alice"))).andExpect(status().isOk());
    }

    @Test
    void approvalOutOfScopeAnswersExactlyAsAnUnknownOne() throws Exception {
        MvcResult outOfScope = problem(get("/api/approvals/t250.a2").with(as("bob")));
        MvcResult unknown = problem(get("/api/approvals/nope.a2").with(as("bob")));

        assertSameProblem(outOfScope, "t250", unknown, "nope");
        assertThat(outOfScope.getResponse().getContentAsString()).contains("\"code\":\"ApprovalNotFound\"");
        mvc.perform(get("/api/approvals/t250.a2").with(as("alice"))).andExpect(status().isOk());
    }

    @Test
    void aDecisionOutOfScopeIsNotFoundWhereSomeoneWhoMayReadIsRefused() throws Exception {
        given(countersign.decide(any())).willAnswer(call -> {
            DecisionRequest decision = call.getArgument(0);
            if (decision.approvalId().startsWith("nope.")) {
                throw new ApprovalNotFound("no approval " + decision.approvalId());
            }
            throw new DecisionRefused(DecisionRefusal.NOT_AN_APPROVER, "the current tier needs [support-leads]");
        });

        MvcResult outOfScope = problem(decide("t250.a2").with(as("bob")));
        mvc.perform(decide("t250.a2").with(as("olga")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAnApprover"));
        MvcResult unknown = problem(decide("nope.a2").with(as("bob")));

        assertSameProblem(outOfScope, "t250", unknown, "nope");
        assertThat(outOfScope.getResponse().getContentAsString()).contains("\"code\":\"ApprovalNotFound\"");
    }

    @Test
    void steeringATaskOutOfScopeIsNotFound() throws Exception {
        for (String path : List.of("/api/tasks/t250/guidance", "/api/tasks/t250/answer")) {
            mvc.perform(post(path)
                            .with(as("bob"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\":\"refund everything\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("TaskNotFound"))
                    .andExpect(jsonPath("$.detail").value("no task 't250'"));
        }
        mvc.perform(post("/api/tasks/t250/cancel").with(as("bob")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));

        verify(countersign, never()).guide(anyString(), any());
        verify(countersign, never()).answer(anyString(), any());
        verify(countersign, never()).cancel(anyString(), any());
    }

    @Test
    void reviewsRollbacksAndCompensationsOfATaskOutOfScopeAreNotFound() throws Exception {
        mvc.perform(post("/api/tasks/t250/actions/a2/review")
                        .with(as("bob"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"rollback\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
        mvc.perform(post("/api/tasks/t250/rollback").with(as("bob")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no task 't250'"));
        mvc.perform(post("/api/tasks/t250/actions/a2/compensation/retry").with(as("bob")))
                .andExpect(status().isNotFound());

        verify(countersign, never()).review(anyString(), any());
        verify(countersign, never()).rollback(anyString(), any());
        verify(countersign, never()).attend(anyString(), any());
    }

    @Test
    void theDemoLedgerIsForOperators() throws Exception {
        given(ledger.read()).willReturn(new LedgerSnapshot(List.of(), List.of()));

        mvc.perform(get("/api/demo/ledger").with(as("olga"))).andExpect(status().isOk());
        for (String other : List.of("dave", "alice", "ada")) {
            mvc.perform(get("/api/demo/ledger").with(as(other)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("AccessDenied"));
        }
        verify(ledger).read();
    }

    private List<String> listedFor(String user) throws Exception {
        String json = mvc.perform(get("/api/tasks").with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(json)
                .forEach(task -> ids.add(task.path("taskId").asString()));
        return ids;
    }

    private MvcResult problem(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
    }

    private static MockHttpServletRequestBuilder decide(String approvalId) {
        return post("/api/approvals/" + approvalId + "/decision")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\":\"approve\",\"argsDigest\":\"sha256:abc\"}");
    }

    /** The two problems are one and the same once each names its own id. */
    private static void assertSameProblem(MvcResult one, String oneId, MvcResult other, String otherId)
            throws Exception {
        assertThat(one.getResponse().getContentType())
                .isEqualTo(other.getResponse().getContentType());
        assertThat(one.getResponse().getContentAsString().replace(oneId, "ID"))
                .isEqualTo(other.getResponse().getContentAsString().replace(otherId, "ID"));
    }
}
