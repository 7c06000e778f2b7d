package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.ArchivedActionReader;
import dev.countersign.listing.TaskRead;
import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.DecisionRecord;
import dev.countersign.task.DecisionRecordKind;
import dev.countersign.task.NotificationRecord;
import dev.countersign.task.TaskView;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * GET /api/tasks/{id} answers one page of a long task's actions: 4,990 of its 5,000 actions are in
 * the archive, the last 10 in the workflow's view, and the answer stays under 1 MB.
 */
@ApiTest
class ReadOneTaskPageTest {

    static final int TOTAL = 5_000;
    static final int LIVE = 10;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    final ListArchive archive = new ListArchive();

    @BeforeEach
    void aTaskOfFiveThousandActions() {
        archive.archive(
                "long-1",
                "run-1",
                IntStream.rangeClosed(1, TOTAL - LIVE)
                        .mapToObj(ReadOneTaskPageTest::action)
                        .toList());
        List<ActionView> live = IntStream.rangeClosed(TOTAL - LIVE + 1, TOTAL)
                .mapToObj(ReadOneTaskPageTest::action)
                .toList();
        TaskView base = TaskFixtures.task("long-1", "dave", dev.countersign.task.TaskStatus.RUNNING);
        TaskView view = new TaskView(
                base.taskId(),
                base.agent(),
                base.goal(),
                base.input(),
                base.requester(),
                base.status(),
                live,
                null,
                null,
                null,
                null,
                base.startedAt(),
                base.updatedAt(),
                9_000,
                0,
                new ActionCounts(TOTAL, Map.of(ActionState.EXECUTED, TOTAL)),
                "run-1",
                null,
                null,
                null);
        ActionPages pages = new ActionPages(archive::page);
        given(countersign.read(anyString(), any(), anyInt()))
                .willAnswer(call ->
                        Optional.of(TaskRead.paged(view, pages.page(view, call.getArgument(1), call.getArgument(2)))));
    }

    /** An action of the size a refund agent's are: arguments, a rationale, a result, a decision, notices. */
    static ActionView action(int number) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("refundId", "rf-" + number);
        result.put("status", "succeeded");
        result.put("amount", 120.5);
        result.put("currency", "EUR");
        result.put("note", "Refund issued to the card ending 4242; the customer was told by email. ".repeat(3));
        return new ActionView(
                "a" + number,
                "issue_refund",
                Map.of("orderId", 4200 + number, "amount", 120.5, "reason", "charged twice for order " + number),
                "sha256:" + "0123456789abcdef".repeat(4),
                "The customer was charged twice for the same order; the ledger shows two captures. ".repeat(3),
                0.82,
                Outcome.APPROVE,
                "refunds-over-100",
                "policy-hash-" + "ab".repeat(16),
                null,
                ActionState.EXECUTED,
                result,
                null,
                List.of(new DecisionRecord(
                        "alice", DecisionRecordKind.APPROVE, "checked the ledger", TaskFixtures.STARTED, null)),
                List.of(new NotificationRecord(
                        "APPROVAL_REQUESTED", "support-leads", TaskFixtures.STARTED, List.of("slack"), List.of())),
                TaskFixtures.STARTED,
                null,
                null,
                null,
                true,
                List.of("support-leads"));
    }

    @Test
    void aReadWithoutPageIsTheFirstFiftyWithTheCountsOfTheWholeTask() throws Exception {
        mvc.perform(get("/api/tasks/long-1").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.length()").value(50))
                .andExpect(jsonPath("$.actions[0].actionId").value("a1"))
                .andExpect(jsonPath("$.page.limit").value(50))
                .andExpect(jsonPath("$.page.next").value("a50"))
                .andExpect(jsonPath("$.counts.total").value(TOTAL));
        verify(countersign).read("long-1", null, 50);
    }

    @Test
    void theLargestPageOfAFiveThousandActionTaskStaysUnderOneMegabyte() throws Exception {
        MvcResult largest = mvc.perform(
                        get("/api/tasks/long-1?after=a4000&limit=200").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.length()").value(200))
                .andExpect(jsonPath("$.actions[0].actionId").value("a4001"))
                .andExpect(jsonPath("$.actions[199].actionId").value("a4200"))
                .andExpect(jsonPath("$.page.after").value("a4000"))
                .andExpect(jsonPath("$.page.next").value("a4200"))
                .andExpect(jsonPath("$.counts.total").value(TOTAL))
                .andExpect(jsonPath("$.counts.byState.EXECUTED").value(TOTAL))
                .andReturn();

        int bytes = largest.getResponse().getContentAsByteArray().length;
        assertThat(bytes).isLessThan(1_000_000);
        assertThat(bytes).as("the actions are of a realistic size").isGreaterThan(200 * 1_000);
    }

    @Test
    void thePageAcrossTheArchiveAndTheLiveActionsIsTheLastAndHasNoNext() throws Exception {
        mvc.perform(get("/api/tasks/long-1?after=a4900&limit=200").with(as("dave")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.length()").value(100))
                .andExpect(jsonPath("$.actions[89].actionId").value("a4990"))
                .andExpect(jsonPath("$.actions[90].actionId").value("a4991"))
                .andExpect(jsonPath("$.actions[99].actionId").value("a5000"))
                .andExpect(jsonPath("$.page.next").doesNotExist());
    }

    @Test
    void anAfterThatIsNoActionIdIsABadRequestNamingIt() throws Exception {
        for (String after : List.of("4000", "b12", "a", "a12x", "a99999999999999999999")) {
            mvc.perform(get("/api/tasks/long-1").param("after", after).with(as("dave")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("InvalidRequest"))
                    .andExpect(jsonPath("$.detail")
                            .value("after must be an action id such as a12 (a page's next), was '" + after + "'"));
        }
        verify(countersign, never()).read(anyString(), any(), anyInt());
    }

    @Test
    void aLimitOutsideOneToTwoHundredIsABadRequestNamingIt() throws Exception {
        for (String limit : List.of("0", "201", "-1")) {
            mvc.perform(get("/api/tasks/long-1").param("limit", limit).with(as("dave")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("limit must lie between 1 and 200, was " + limit));
        }
        MvcResult notANumber = mvc.perform(get("/api/tasks/long-1?limit=lots").with(as("dave")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn();
        assertThat(notANumber.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("limit");
        verify(countersign, never()).read(anyString(), any(), anyInt());
    }

    /**
     * mixed-1's first 59 actions went to support-leads, its 60th to finance: bob (finance) reads and
     * steers it from any page, since who may read is decided on the task's live view, not the page.
     */
    @Test
    void whoMayReadAndSteerIsTheSameOnEveryPage() throws Exception {
        List<ActionView> actions = IntStream.rangeClosed(1, 60)
                .mapToObj(n -> withGroups(action(n), n == 60 ? "finance" : "support-leads"))
                .toList();
        TaskView live = TaskFixtures.task("mixed-1", "dave", dev.countersign.task.TaskStatus.RUNNING);
        TaskView whole = new TaskView(
                live.taskId(),
                live.agent(),
                live.goal(),
                live.input(),
                live.requester(),
                live.status(),
                actions,
                null,
                null,
                null,
                null,
                live.startedAt(),
                live.updatedAt(),
                0,
                0,
                ActionCounts.of(actions),
                null,
                null,
                null,
                null);
        ActionPages pages = new ActionPages(ArchivedActionReader.NONE);
        given(countersign.read(eq("mixed-1"), any(), anyInt()))
                .willAnswer(call -> Optional.of(
                        TaskRead.paged(whole, pages.page(whole, call.getArgument(1), call.getArgument(2)))));
        given(countersign.read("mixed-1")).willReturn(Optional.of(TaskRead.paged(whole, pages.page(whole, null, 50))));

        mvc.perform(get("/api/tasks/mixed-1").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[49].actionId").value("a50"));
        mvc.perform(get("/api/tasks/mixed-1?after=a50").with(as("bob"))).andExpect(status().isOk());
        mvc.perform(post("/api/tasks/mixed-1/guidance")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"check the ledger\"}")
                        .with(as("bob")))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/tasks/mixed-1?after=a50").with(as("sam"))).andExpect(status().isNotFound());
    }

    static ActionView withGroups(ActionView action, String group) {
        return new ActionView(
                action.actionId(),
                action.tool(),
                action.args(),
                action.argsDigest(),
                action.rationale(),
                action.confidence(),
                action.verdict(),
                action.rule(),
                action.policyHash(),
                action.reason(),
                action.state(),
                action.result(),
                action.error(),
                action.decisions(),
                action.notifications(),
                action.proposedAt(),
                action.shadow(),
                action.review(),
                action.compensation(),
                action.compensable(),
                List.of(group));
    }

    @Test
    void aPageOfATaskOutOfScopeAnswersAsAnUnknownTask() throws Exception {
        // sam is neither its requester nor in a group its actions named.
        mvc.perform(get("/api/tasks/long-1?after=a100&limit=10").with(as("sam")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
    }
}
