package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.client.TaskNotActive;
import dev.countersign.client.TaskNotFound;
import dev.countersign.task.TaskMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guidance and answers: the text from the body, the sender from authentication; only the task's
 * requester, its reviewers' groups and operators may steer it.
 */
@ApiTest
class TaskMessagesTest {

    @BeforeEach
    void aTaskDaveRequestedForSupportLeads() {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(TaskFixtures.reviewedTask("refund-42", "dave", List.of("support-leads"))));
    }

    @Test
    void someoneWhoMayReadButIsOutsideTheTaskCannotSteerIt() throws Exception {
        // ada (admins) reads every task; steering is for the task's people and operators.
        mvc.perform(post("/api/tasks/refund-42/guidance")
                        .with(as("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"refund everything"}
                                """))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAllowedToSteer"))
                .andExpect(jsonPath("$.detail")
                        .value("only the task's requester, its reviewers [support-leads] and members of [operators]"
                                + " may steer it"));
        mvc.perform(post("/api/tasks/refund-42/answer")
                        .with(as("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"yes"}
                                """))
                .andExpect(status().isForbidden());

        verify(countersign, never()).guide(anyString(), any());
        verify(countersign, never()).answer(anyString(), any());
    }

    @Test
    void operatorsMaySteerAnyTask() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/guidance")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"wait for the bank statement"}
                                """))
                .andExpect(status().isAccepted());

        verify(countersign).guide("refund-42", new TaskMessage("olga", "wait for the bank statement"));
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void readsAnswerTheStubbedViews() {
        StubbedReads.readsAnswerTheStubbedViews(countersign);
    }

    @Test
    void guidanceIsAcceptedAndSentInTheCallersName() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/guidance")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"check the second charge first","by":"mallory"}
                                """))
                .andExpect(status().isAccepted());

        verify(countersign).guide("refund-42", new TaskMessage("alice", "check the second charge first"));
    }

    @Test
    void emptyGuidanceIsABadRequest() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/guidance")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"  "}
                                """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("guidance needs text"));
        verify(countersign, never()).guide(anyString(), any());
    }

    @Test
    void guidanceToAnUnknownTaskIsNotFound() throws Exception {
        willThrow(new TaskNotFound("no task 'nope'")).given(countersign).guide(eq("nope"), any());

        mvc.perform(post("/api/tasks/nope/guidance")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"hello"}
                                """))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
    }

    @Test
    void guidanceToAnEndedTaskIsAConflict() throws Exception {
        willThrow(new TaskNotActive("task 'refund-42' has ended"))
                .given(countersign)
                .guide(eq("refund-42"), any());

        mvc.perform(post("/api/tasks/refund-42/guidance")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"hello"}
                                """))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TaskNotActive"))
                .andExpect(jsonPath("$.detail").value("task 'refund-42' has ended"));
    }

    @Test
    void answerIsAcceptedAndSentInTheCallersName() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/answer")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"refund to the card"}
                                """))
                .andExpect(status().isAccepted());

        verify(countersign).answer("refund-42", new TaskMessage("dave", "refund to the card"));
    }

    @Test
    void answerWithoutAnOpenQuestionIsAConflict() throws Exception {
        willThrow(new DecisionRefused(DecisionRefusal.NOT_APPLICABLE, "no question is open"))
                .given(countersign)
                .answer(eq("refund-42"), any());

        mvc.perform(post("/api/tasks/refund-42/answer")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"yes"}
                                """))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NotApplicable"))
                .andExpect(jsonPath("$.detail").value("no question is open"));
    }

    @Test
    void answerToAnUnknownTaskIsNotFound() throws Exception {
        willThrow(new TaskNotFound("no task 'nope'")).given(countersign).answer(eq("nope"), any());

        mvc.perform(post("/api/tasks/nope/answer")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"yes"}
                                """))
                .andExpect(status().isNotFound());
    }

    @Test
    void emptyAnswerIsABadRequest() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/answer")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("an answer needs text"));
        verify(countersign, never()).answer(anyString(), any());
    }
}
