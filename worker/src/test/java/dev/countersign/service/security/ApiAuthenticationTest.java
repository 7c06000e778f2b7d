package dev.countersign.service.security;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.service.api.ApiTest;
import dev.countersign.service.api.StubbedReads;
import dev.countersign.service.api.TestUsers;
import dev.countersign.task.ActionCounts;
import dev.countersign.task.TaskStatus;
import dev.countersign.task.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The API takes stateless HTTP Basic and answers every failed authentication with problem+json. */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class ApiAuthenticationTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void readsAnswerTheStubbedViews() {
        StubbedReads.readsAnswerTheStubbedViews(countersign);
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyInbox() {
        org.mockito.BDDMockito.given(countersign.inbox(
                        org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.anyInt(),
                        org.mockito.ArgumentMatchers.any()))
                .willReturn(new dev.countersign.client.ApprovalInbox(java.util.List.of(), java.util.List.of()));
    }

    @Test
    void requestWithoutCredentialsIsUnauthorizedWithABasicChallenge() throws Exception {
        mvc.perform(get("/api/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"countersign\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("Unauthenticated"))
                .andExpect(jsonPath("$.type").value("https://countersign.dev/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail")
                        .value("authentication required: send HTTP Basic credentials or a bearer token"))
                .andExpect(jsonPath("$.instance").value("/api/tasks"));
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        mvc.perform(get("/api/tasks").with(httpBasic("dave", "not-the-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"countersign\""))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("bad credentials: the user name or password is wrong"));
    }

    @Test
    void unknownUserIsUnauthorized() throws Exception {
        mvc.perform(get("/api/tasks").with(httpBasic("mallory", TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("Unauthenticated"));
    }

    @Test
    void validCredentialsReachTheApi() throws Exception {
        mvc.perform(get("/api/approvals").with(as("bob"))).andExpect(status().isOk());
    }

    @Test
    void apiKeepsNoSession() throws Exception {
        MvcResult result = mvc.perform(get("/api/approvals").with(as("bob")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();

        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void apiPostsNeedNoCsrfToken() throws Exception {
        given(countersign.task("refund-42"))
                .willReturn(Optional.of(new TaskView(
                        "refund-42",
                        "support",
                        "refund order 42",
                        Map.of(),
                        "alice",
                        TaskStatus.RUNNING,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        0,
                        0,
                        ActionCounts.NONE,
                        null,
                        null,
                        null,
                        null)));
        mvc.perform(post("/api/tasks/refund-42/guidance")
                        .with(as("alice"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text":"go on"}
                                """))
                .andExpect(status().isAccepted());
    }

    @Test
    void failedLoginIsLoggedWithTheUserNameButNeverThePasswordOrHeader(CapturedOutput output) throws Exception {
        mvc.perform(get("/api/tasks").with(httpBasic("dave", "hunter2-wrong"))).andExpect(status().isUnauthorized());

        assertThat(output.getOut())
                .contains("authentication failed for user 'dave'")
                .contains("refused GET /api/tasks with 401")
                .doesNotContain("hunter2-wrong")
                .doesNotContain("Basic ZGF2ZT");
    }
}
