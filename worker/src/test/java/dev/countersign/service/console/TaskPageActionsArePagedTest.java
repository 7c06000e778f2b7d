package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.dave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.history.TaskHistory;
import dev.countersign.listing.ActionPages;
import dev.countersign.listing.ArchivedActionReader;
import dev.countersign.listing.TaskRead;
import dev.countersign.policy.Outcome;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.ActionState;
import dev.countersign.task.ActionView;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The task page of a long task shows the counts of the whole task and one page of its actions, with a
 * link to the later ones while there are more. dave's task has 60 actions, 1 pending and 59 executed.
 */
@ConsoleTest
class TaskPageActionsArePagedTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void aTaskOfSixtyActions() {
        List<ActionView> actions = IntStream.rangeClosed(1, 60)
                .mapToObj(n -> action(n, n == 60 ? ActionState.PENDING : ActionState.EXECUTED))
                .toList();
        TaskView base = ConsoleFixtures.task("long-1", TaskStatus.RUNNING, null, actions);
        TaskView whole = new TaskView(
                base.taskId(),
                base.agent(),
                base.goal(),
                base.input(),
                base.requester(),
                base.status(),
                base.actions(),
                null,
                null,
                null,
                null,
                base.startedAt(),
                base.updatedAt(),
                120,
                0,
                new ActionCounts(60, Map.of(ActionState.EXECUTED, 59, ActionState.PENDING, 1)),
                null,
                null,
                null,
                null);
        given(countersign.read(eq("long-1"), any(), anyInt()))
                .willAnswer(call -> Optional.of(TaskRead.paged(
                        whole,
                        new ActionPages(ArchivedActionReader.NONE)
                                .page(whole, call.getArgument(1), call.getArgument(2)))));
        given(countersign.history("long-1")).willReturn(new TaskHistory("long-1", null, List.of()));
    }

    static ActionView action(int number, ActionState state) {
        return new ActionView(
                "a" + number,
                "lookup_order",
                Map.of("orderId", "A-" + number),
                "digest",
                "why",
                0.9,
                Outcome.AUTO,
                "lookups",
                "hash",
                null,
                state,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null);
    }

    @Test
    void theFirstPageShowsTheCountsAndLinksToTheLaterActions() throws Exception {
        String page = mvc.perform(get("/tasks/long-1").with(dave()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("60 actions in all: 1 pending, 59 executed.")))
                .andExpect(content().string(containsString("<td>a50</td>")))
                .andExpect(content().string(not(containsString("<td>a51</td>"))))
                .andExpect(content().string(containsString("hx-get=\"/tasks/long-1/live?seen=")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        verify(countersign).read("long-1", null, 50);

        assertThat(laterActionsLink(page)).isEqualTo("/tasks/long-1?after=a50");
    }

    @Test
    void theLaterActionsLinkLeadsToTheNextPageWhichIsTheLast() throws Exception {
        String first = mvc.perform(get("/tasks/long-1").with(dave()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(get(laterActionsLink(first)).with(dave()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("60 actions in all")))
                .andExpect(content().string(containsString("<td>a51</td>")))
                .andExpect(content().string(containsString("<td>a60</td>")))
                .andExpect(content().string(not(containsString("<td>a50</td>"))))
                .andExpect(content().string(not(containsString("id=\"later-actions\""))))
                .andExpect(content().string(containsString("id=\"first-actions\"")))
                .andExpect(content().string(containsString("hx-get=\"/tasks/long-1/live?after=a50&amp;seen=")));
        verify(countersign).read("long-1", "a50", 50);
    }

    @Test
    void theLivePartOfALaterPageKeepsItsPage() throws Exception {
        mvc.perform(get("/tasks/long-1/live?after=a50&seen=stale").with(dave()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>a60</td>")))
                .andExpect(content().string(not(containsString("<td>a1</td>"))));
    }

    @Test
    void anAfterThatIsNoActionIdIsABadRequest() throws Exception {
        mvc.perform(get("/tasks/long-1?after=nonsense").with(dave()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("must be an action id")));
        verify(countersign, never()).read(any(), any(), anyInt());
    }

    private static String laterActionsLink(String page) {
        Matcher link =
                Pattern.compile("id=\"later-actions\"\\s+href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).as("a later actions link").isTrue();
        return link.group(1).replace("&amp;", "&");
    }
}
