package dev.countersign.service.api;

import static dev.countersign.service.api.TestUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.approval.DecisionRefusal;
import dev.countersign.client.Countersign;
import dev.countersign.client.DecisionRefused;
import dev.countersign.history.TaskHistory;
import dev.countersign.listing.TaskRead;
import dev.countersign.service.demo.DemoLedger;
import dev.countersign.service.demo.DemoLedgerController;
import dev.countersign.service.demo.LedgerSnapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code read-scope: all} keeps the behaviour before scopes: every signed-in user reads everything. */
@ApiTest
@Import({TaskHistoryController.class, DemoLedgerController.class})
@TestPropertySource(properties = "countersign.security.read-scope=all")
class ReadScopeAllTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void pagedReadsAnswerTheStubbedReads() {
        StubbedReads.pagedReadsAnswerTheStubbedReads(countersign);
    }

    @MockitoBean
    DemoLedger ledger;

    @Test
    void everyoneReadsEveryTaskItsHistoryApprovalAndTheLedger() throws Exception {
        given(countersign.tasks(50)).willReturn(List.of(ReadScopeTest.REFUND_250, ReadScopeTest.SAMS));
        given(countersign.taskList(50))
                .willReturn(List.of(TaskRead.of(ReadScopeTest.REFUND_250), TaskRead.of(ReadScopeTest.SAMS)));
        given(countersign.task("t250")).willReturn(Optional.of(ReadScopeTest.REFUND_250));
        given(countersign.read("t250")).willReturn(Optional.of(TaskRead.of(ReadScopeTest.REFUND_250)));
        given(countersign.approval("t250.a2")).willReturn(Optional.of(ReadScopeTest.REFUND_250.pendingApproval()));
        given(countersign.history("t250")).willReturn(new TaskHistory("t250", null, List.of()));
        given(ledger.read()).willReturn(new LedgerSnapshot(List.of(), List.of()));

        mvc.perform(get("/api/tasks").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/tasks/t250").with(as("bob"))).andExpect(status().isOk());
        mvc.perform(get("/api/tasks/t250/history").with(as("bob"))).andExpect(status().isOk());
        mvc.perform(get("/api/approvals/t250.a2").with(as("bob"))).andExpect(status().isOk());
        mvc.perform(get("/api/demo/ledger").with(as("dave"))).andExpect(status().isOk());
    }

    @Test
    void someoneOutsideTheTaskIsRefusedAsBefore() throws Exception {
        given(countersign.task("t250")).willReturn(Optional.of(ReadScopeTest.REFUND_250));
        given(countersign.read("t250")).willReturn(Optional.of(TaskRead.of(ReadScopeTest.REFUND_250)));
        given(countersign.decide(any()))
                .willThrow(
                        new DecisionRefused(DecisionRefusal.NOT_AN_APPROVER, "the current tier needs [support-leads]"));

        mvc.perform(post("/api/approvals/t250.a2/decision")
                        .with(as("bob"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"approve\",\"argsDigest\":\"sha256:abc\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAnApprover"));
        mvc.perform(post("/api/tasks/t250/guidance")
                        .with(as("bob"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"refund everything\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("NotAllowedToSteer"));
    }
}
