package dev.countersign.service.security.throttle;

import static dev.countersign.service.api.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.ApprovalInbox;
import dev.countersign.client.Countersign;
import dev.countersign.service.api.ApiTestApplication;
import dev.countersign.service.api.TestUsers;
import dev.countersign.service.api.WithTestUsers;
import dev.countersign.service.security.token.ApiTokenConfiguration;
import dev.countersign.service.security.token.JdbcApiTokens;
import dev.countersign.service.testing.MutableClock;
import dev.countersign.service.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed HTTP Basic logins on the API are throttled per user name and per client address, before
 * any password is checked; bearer tokens never are. Each test gets a fresh context, so counters of
 * one test never reach another.
 */
@WebMvcTest
@ContextConfiguration(classes = {ApiTestApplication.class, BasicLoginThrottleTest.Setup.class})
@WithTestUsers
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@ExtendWith(OutputCaptureExtension.class)
class BasicLoginThrottleTest {

    @Configuration(proxyBeanMethods = false)
    @Import({ApiTokenConfiguration.class, TestDatabase.class})
    static class Setup {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcApiTokens tokens;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void emptyLists() {
        given(countersign.approvalsFor(any(), any())).willReturn(List.of());
        given(countersign.inbox(any(), any(), anyInt(), any())).willReturn(new ApprovalInbox(List.of(), List.of()));
    }

    @Test
    void fiveWrongPasswordsThenTheRightOneIsTooManyRequestsWithRetryAfter() throws Exception {
        failFiveTimes("alice");

        approvals(as("alice"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.code").value("LoginThrottled"))
                .andExpect(jsonPath("$.type").value("https://countersign.dev/problems/login-throttled"))
                .andExpect(jsonPath("$.retryAfter").value("2026-03-01T09:01:00Z"))
                .andExpect(jsonPath("$.instance").value("/api/approvals"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void afterTheBackOffTheRightPasswordWorksAndStartsTheCountAgain() throws Exception {
        failFiveTimes("alice");
        clock.advance(Duration.ofSeconds(59));
        approvals(as("alice")).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));

        clock.advance(Duration.ofSeconds(1));
        approvals(as("alice")).andExpect(status().isOk());

        for (int i = 0; i < 4; i++) {
            approvals(httpBasic("alice", "wrong-" + i)).andExpect(status().isUnauthorized());
        }
        approvals(as("alice")).andExpect(status().isOk());
    }

    @Test
    void otherUsersAreNotThrottledByOneUsersFailures() throws Exception {
        failFiveTimes("alice");

        approvals(as("bob")).andExpect(status().isOk());
    }

    @Test
    void twentyWrongPasswordsOverDifferentUserNamesFromOneAddressThrottleThatAddress() throws Exception {
        for (int i = 0; i < 20; i++) {
            approvals(httpBasic("user" + i, "guess"), from("203.0.113.7")).andExpect(status().isUnauthorized());
        }

        approvals(as("bob"), from("203.0.113.7"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));
        approvals(as("bob"), from("198.51.100.1")).andExpect(status().isOk());
    }

    @Test
    void aThrottledAttemptNeverRunsThePasswordEncoder() throws Exception {
        failFiveTimes("alice");
        clearInvocations(passwordEncoder);

        for (int i = 0; i < 10; i++) {
            approvals(as("alice")).andExpect(status().isTooManyRequests());
            approvals(httpBasic("alice", "another-guess")).andExpect(status().isTooManyRequests());
        }

        verify(passwordEncoder, never()).matches(any(), anyString());
    }

    @Test
    void aWrongPasswordDoesRunThePasswordEncoder() throws Exception {
        clearInvocations(passwordEncoder);

        approvals(httpBasic("alice", "wrong")).andExpect(status().isUnauthorized());

        verify(passwordEncoder).matches(any(), anyString());
    }

    @Test
    void aBearerTokenWorksWhileItsOwnerIsThrottled() throws Exception {
        String secret = tokens.issue("alice", "laptop", Duration.ofDays(1)).secret();
        failFiveTimes("alice");
        for (int i = 0; i < 20; i++) {
            approvals(httpBasic("user" + i, "guess"));
        }

        approvals(as("alice")).andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/approvals").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
    }

    @Test
    void throttlingIsLoggedOnceWithUserAddressAndUntilWhen(CapturedOutput output) throws Exception {
        failFiveTimes("alice\nforged line");
        approvals(httpBasic("alice\nforged line", TestUsers.PASSWORD)).andExpect(status().isTooManyRequests());
        approvals(httpBasic("alice\nforged line", TestUsers.PASSWORD)).andExpect(status().isTooManyRequests());

        assertThat(output.getOut().lines().filter(line -> line.contains("login throttled")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("WARN")
                        .contains("user 'alice?forged line' from 127.0.0.1")
                        .contains("until 2026-03-01T09:01:00Z"));
    }

    @Test
    void theThrottleCoversTheActuatorToo() throws Exception {
        failFiveTimes("olga");

        mvc.perform(get("/actuator/prometheus").with(as("olga")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));
    }

    private void failFiveTimes(String user) throws Exception {
        for (int i = 0; i < 5; i++) {
            approvals(httpBasic(user, "wrong-" + i)).andExpect(status().isUnauthorized());
        }
    }

    private ResultActions approvals(RequestPostProcessor... processors) throws Exception {
        var request = get("/api/approvals");
        for (RequestPostProcessor processor : processors) {
            request.with(processor);
        }
        return mvc.perform(request);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
