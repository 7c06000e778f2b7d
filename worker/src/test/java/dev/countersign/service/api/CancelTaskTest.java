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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.listing.TaskRead;
import dev.countersign.task.TaskMessage;
import dev.countersign.task.TaskStatus;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Only the requester or an operator may cancel, and only a task that still runs. */
@ApiTest
class CancelTaskTest {

    private static final String REASON = """
            {"reason":"customer withdrew the request"}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void daveRequestedRefund42() {
        given(countersign.read("refund-42"))
                .willReturn(
                        Optional.of(TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.AWAITING_APPROVAL))));
    }

    @Test
    void requesterMayCancel() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/cancel")
                        .with(as("dave"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON))
                .andExpect(status().isAccepted());

        verify(countersign).cancel("refund-42", new TaskMessage("dave", "customer withdrew the request"));
    }

    @Test
    void operatorMayCancelSomeoneElsesTask() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/cancel")
                        .with(as("olga"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON))
                .andExpect(status().isAccepted());

        verify(countersign).cancel("refund-42", new TaskMessage("olga", "customer withdrew the request"));
    }

    @Test
    void cancelNeedsNoBody() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/cancel").with(as("dave"))).andExpect(status().isAccepted());

        verify(countersign).cancel("refund-42", new TaskMessage("dave", ""));
    }

    @Test
    void someoneWhoMayReadTheTaskButDidNotRequestItMayNotCancel() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/cancel")
                        .with(as("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotRequesterOrOperator"));
        verify(countersign, never()).cancel(anyString(), any());
    }

    @Test
    void anotherRequesterDoesNotFindTheTask() throws Exception {
        mvc.perform(post("/api/tasks/refund-42/cancel")
                        .with(as("sam"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REASON))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"))
                .andExpect(jsonPath("$.detail").value("no task 'refund-42'"));
        verify(countersign, never()).cancel(anyString(), any());
    }

    @Test
    void cancellingAnUnknownTaskIsNotFound() throws Exception {
        given(countersign.read("nope")).willReturn(Optional.empty());

        mvc.perform(post("/api/tasks/nope/cancel").with(as("olga")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TaskNotFound"));
    }

    @Test
    void cancellingAnEndedTaskIsAConflict() throws Exception {
        given(countersign.read("refund-42"))
                .willReturn(Optional.of(TaskRead.of(TaskFixtures.task("refund-42", "dave", TaskStatus.COMPLETED))));

        mvc.perform(post("/api/tasks/refund-42/cancel").with(as("dave")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("TaskNotActive"))
                .andExpect(jsonPath("$.detail").value("task 'refund-42' already ended: COMPLETED"));
        verify(countersign, never()).cancel(anyString(), any());
    }

    @Test
    void cancelTheWorkflowRefusesIsAConflict() throws Exception {
        willThrow(new DecisionRefused(DecisionRefusal.NOT_APPLICABLE, "the task already ended"))
                .given(countersign)
                .cancel(eq("refund-42"), any());

        mvc.perform(post("/api/tasks/refund-42/cancel").with(as("dave")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NotApplicable"));
    }
}
