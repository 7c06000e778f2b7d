package dev.countersign.service.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.service.api.TestUsers;
import dev.countersign.service.api.WithTestUsers;
import dev.countersign.service.console.ConsoleTestApplication;
import dev.countersign.service.console.TestTokenStore;
import dev.countersign.service.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The console's form login shares the throttle: a throttled sign-in gets the login page back with
 * status 429, Retry-After and a message, not JSON.
 */
@WebMvcTest
@ContextConfiguration(classes = {ConsoleTestApplication.class, TestTokenStore.class, FormLoginThrottleTest.Setup.class})
@WithTestUsers
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FormLoginThrottleTest {

    @Configuration(proxyBeanMethods = false)
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

    @MockitoBean
    Countersign countersign;

    @Test
    void fiveWrongPasswordsThenTheRightOneShowTheLoginPageWith429AndAMessage() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("alice", "wrong-" + i).andExpect(redirectedUrl("/login?error"));
        }

        MvcResult refused = signIn("alice", TestUsers.PASSWORD)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(forwardedUrl("/login"))
                .andExpect(unauthenticated())
                .andReturn();
        Object throttled = refused.getRequest().getAttribute(LoginThrottled.REQUEST_ATTRIBUTE);
        assertThat(throttled).isInstanceOf(LoginThrottled.class);

        mvc.perform(get("/login").requestAttr(LoginThrottled.REQUEST_ATTRIBUTE, throttled))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("Too many failed sign-ins")))
                .andExpect(content().string(containsString("Try again in <span>60 seconds</span>")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void afterTheBackOffTheRightPasswordSignsIn() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("alice", "wrong-" + i);
        }
        clock.advance(Duration.ofMinutes(1));

        signIn("alice", TestUsers.PASSWORD).andExpect(redirectedUrl("/inbox")).andExpect(authenticated());
    }

    @Test
    void theLoginPageWithoutAThrottleIsAnOrdinaryPage() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Too many failed sign-ins"))));
    }

    private ResultActions signIn(String user, String password) throws Exception {
        return mvc.perform(post("/login")
                .param("username", user)
                .param("password", password)
                .with(csrf()));
    }
}
