package dev.countersign.service.security;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.service.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Which chain guards which path. The web slice has no actuator endpoints, so a request the chain
 * lets through ends in 404 here; a path open to everyone is checked as "neither 401 nor 403", so it
 * holds whether or not the endpoint itself is present.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class PathAccessTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

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
    void healthIsOpenToEveryone() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness"}) {
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(status).as("GET %s without credentials", path).isNotIn(401, 403);
        }
    }

    @Test
    void prometheusNeedsCredentials() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"countersign\""));
    }

    @Test
    void prometheusIsForOperatorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(as("dave")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("AccessDenied"))
                .andExpect(jsonPath("$.detail").value("your groups do not allow GET /actuator/prometheus"));
        mvc.perform(get("/actuator/prometheus").with(as("olga"))).andExpect(status().isNotFound());
    }

    @Test
    void otherActuatorEndpointsAreForOperatorsOnly() throws Exception {
        mvc.perform(get("/actuator/env").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env").with(as("olga"))).andExpect(status().isNotFound());
    }

    @Test
    void pathsNoChainClaimsNeedAuthentication() throws Exception {
        mvc.perform(get("/console"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/console").with(as("alice"))).andExpect(status().isNotFound());
    }

    @Test
    void forbiddenRequestIsLoggedWithWhoAndWhy(CapturedOutput output) throws Exception {
        mvc.perform(get("/actuator/prometheus").with(as("dave"))).andExpect(status().isForbidden());

        assertThat(output.getOut())
                .contains("refused GET /actuator/prometheus for 'dave' with 403: needs one of the authorities"
                        + " [GROUP_operators]");
    }

    @Test
    void springSecurityDefaultHeadersAreSent() throws Exception {
        mvc.perform(get("/api/approvals").with(as("bob")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Cache-Control"));
    }

    @Test
    void apiAnswersForbidReferrersFramesAndActiveContent() throws Exception {
        mvc.perform(get("/api/approvals").with(as("bob")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
    }

    @Test
    void refusalsCarryTheSameHeaders() throws Exception {
        mvc.perform(get("/api/approvals"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void hstsIsSentOverHttpsOnly() throws Exception {
        mvc.perform(get("/api/approvals").with(as("bob")))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/api/approvals").secure(true).with(as("bob")))
                .andExpect(header().string(
                                "Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age=31536000")));
    }

    @Test
    void changingThePolicyIsForAdminsOnly(CapturedOutput output) throws Exception {
        mvc.perform(put("/api/policy/rules/small-refunds").with(as("olga")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("AccessDenied"));
        mvc.perform(delete("/api/policy/rules/small-refunds").with(as("alice"))).andExpect(status().isForbidden());

        assertThat(output.getOut())
                .contains("refused PUT /api/policy/rules/small-refunds for 'olga' with 403: needs one of the"
                        + " authorities [GROUP_admins]");
    }
}
