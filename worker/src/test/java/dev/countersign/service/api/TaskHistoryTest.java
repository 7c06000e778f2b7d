package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.client.TaskNotFound;
import dev.countersign.history.TaskHistory;
import dev.countersign.history.TimelineEvent;
import dev.countersign.history.TimelineKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
@Import(TaskHistoryController.class)
class TaskHistoryTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void historyIsTheTimelineAsItIs() throws Exception {
        given(countersign.history("refund-42"))
                .willReturn(new TaskHistory(
                        "refund-42",
                        "http://127.0.0.1:8233/namespaces/default/workflows/refund-42",
                        List.of(
                                new TimelineEvent(
                                        1,
                                        Instant.parse("2026-03-01T09:00:00Z"),
                                        TimelineKind.STARTED,
                                        null,
                                        null,
                                        "dave",
                                        "dave started the task for the support agent: refund order 42.",
                                        Map.of("requester", "dave", "input", Map.of("orderId", 42))),
                                new TimelineEvent(
                                        43,
                                        Instant.parse("2026-03-01T09:05:00Z"),
                                        TimelineKind.DECISION,
                                        "a2",
                                        "issue_refund",
                                        "alice",
                                        "alice approved issue_refund (1 of 1 approval, now approved).",
                                        Map.of("decision", "approve", "approvals", 1, "required", 1)))));

        mvc.perform(get("/api/tasks/refund-42/history").with(as("olga")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"taskId": "refund-42",
                         "webUiUrl": "http://127.0.0.1:8233/namespaces/default/workflows/refund-42",
                         "events": [
                           {"eventId": 1, "at": "2026-03-01T09:00:00Z", "kind": "STARTED", "actor": "dave",
                            "summary": "dave started the task for the support agent: refund order 42.",
                            "details": {"requester": "dave", "input": {"orderId": 42}}},
                           {"eventId": 43, "at": "2026-03-01T09:05:00Z", "kind": "DECISION", "actionId": "a2",
                            "tool": "issue_refund", "actor": "alice",
                            "summary": "alice approved issue_refund (1 of 1 approval, now approved).",
                            "details": {"decision": "approve", "approvals": 1, "required": 1}}]}
                        """));
    }

    @Test
    void historyOfAnUnknownTaskIsNotFound() throws Exception {
        given(countersign.history("nope")).willThrow(new TaskNotFound("no task 'nope'"));

        mvc.perform(get("/api/tasks/nope/history").with(as("olga")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TaskNotFound"))
                .andExpect(jsonPath("$.detail").value("no task 'nope'"))
                .andExpect(jsonPath("$.instance").value("/api/tasks/nope/history"));
    }

    @Test
    void historyNeedsAuthentication() throws Exception {
        mvc.perform(get("/api/tasks/refund-42/history"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
        verifyNoInteractions(countersign);
    }
}
