package dev.countersign.security;

import static dev.countersign.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.api.ApiTest;
import dev.countersign.client.Countersign;
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
 * lets through ends in 404: that 404 (rather than 401 or 403) is what these tests look for.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class PathAccessTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void healthIsOpenToEveryone() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isNotFound());
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

        assertThat(output.getOut()).contains("refused GET /actuator/prometheus for 'dave' with 403");
    }

    @Test
    void springSecurityDefaultHeadersAreSent() throws Exception {
        mvc.perform(get("/api/approvals").with(as("bob")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().exists("Cache-Control"));
    }
}
