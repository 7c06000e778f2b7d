package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.client.StartedTask;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Texts beyond their limits are refused with 400 naming the field, its length and the limit, and
 * never reach Temporal; texts at the limit pass.
 */
@ApiTest
class FieldLimitsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void readsAnswerTheStubbedViews() {
        StubbedReads.readsAnswerTheStubbedViews(countersign);
    }

    @Test
    void aGoalLongerThanItsLimitIsRefusedAndNoTaskStarts() throws Exception {
        post("dave", "/api/tasks", "{\"agent\":\"support\",\"goal\":\"" + "g".repeat(16_001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("FieldTooLong"))
                .andExpect(jsonPath("$.detail")
                        .value("goal is too long: 16001 characters, the limit is 16000"
                                + " (countersign.limits.goal-length)"));
        verify(countersign, never()).start(any());
    }

    @Test
    void aGoalAtItsLimitStartsTheTask() throws Exception {
        given(countersign.start(any())).willReturn(new StartedTask("t-1", true, "RUNNING"));

        post("dave", "/api/tasks", "{\"taskId\":\"t-1\",\"agent\":\"support\",\"goal\":\"" + "g".repeat(16_000) + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void aLongStringDeepInTheInputIsNamedByItsPath() throws Exception {
        String body = "{\"agent\":\"support\",\"goal\":\"refund\",\"input\":{\"items\":[{\"note\":\"ok\"},"
                + "{\"note\":\"" + "n".repeat(16_001) + "\"}]}}";
        post("dave", "/api/tasks", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("input.items[1].note is too long: 16001 characters, the limit is 16000"
                                + " (countersign.limits.input-string-length)"));
        verify(countersign, never()).start(any());
    }

    @Test
    void anInputOfManyShortStringsIsBoundAsAWhole() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 800; i++) {
            items.append(i == 0 ? "" : ",").append('"').append("x".repeat(100)).append('"');
        }
        post("dave", "/api/tasks", "{\"agent\":\"support\",\"goal\":\"refund\",\"input\":{\"items\":[" + items + "]}}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        org.hamcrest.Matchers.matchesPattern(
                                                "input is too long: \\d+ bytes as JSON, the limit is 65536 \\(countersign.limits.input-size\\)")));
    }

    @Test
    void decisionCommentsAndEditedArgumentsHaveLimits() throws Exception {
        post(
                        "alice",
                        "/api/approvals/t-1.a2/decision",
                        "{\"decision\":\"reject\",\"comment\":\"" + "c".repeat(4_001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("comment is too long: 4001 characters, the limit is 4000"
                                + " (countersign.limits.text-length)"));
        post(
                        "alice",
                        "/api/approvals/t-1.a2/decision",
                        "{\"decision\":\"edit\",\"args\":{\"note\":\"" + "a".repeat(70_000) + "\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("args is too long: 70011 bytes")));
        verify(countersign, never()).decide(any());
    }

    @Test
    void guidanceAnswersReasonsAndReviewCommentsHaveLimits() throws Exception {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(TaskFixtures.reviewedTask("refund-42", "dave", List.of("support-leads"))));
        String tooLong = "t".repeat(4_001);

        for (String path : List.of("/api/tasks/refund-42/guidance", "/api/tasks/refund-42/answer")) {
            post("dave", path, "{\"text\":\"" + tooLong + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("text is too long: 4001")));
        }
        post("dave", "/api/tasks/refund-42/cancel", "{\"reason\":\"" + tooLong + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("reason is too long: 4001")));
        post(
                        "alice",
                        "/api/tasks/refund-42/actions/a2/review",
                        "{\"verdict\":\"flag\",\"comment\":\"" + tooLong + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("comment is too long: 4001")));
        post("olga", "/api/tasks/refund-42/rollback", "{\"comment\":\"" + tooLong + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("FieldTooLong"));

        verify(countersign, never()).guide(anyString(), any());
        verify(countersign, never()).answer(anyString(), any());
        verify(countersign, never()).cancel(anyString(), any());
        verify(countersign, never()).review(anyString(), any());
        verify(countersign, never()).rollback(anyString(), any());
    }

    private ResultActions post(String user, String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
