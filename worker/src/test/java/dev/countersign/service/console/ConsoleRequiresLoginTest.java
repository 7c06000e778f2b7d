package dev.countersign.service.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.service.api.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Every console page needs a signed-in user; signing in is a form with a CSRF token and a new session. */
@ConsoleTest
class ConsoleRequiresLoginTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void pagesRedirectToTheLoginPageWhenSignedOut() throws Exception {
        for (String page : new String[] {"/", "/inbox", "/tasks", "/tasks/t-1", "/approvals/t-1.a2", "/tokens"}) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void expiredSessionMakesTheInboxPollOpenTheLoginPageInsteadOfSwappingItIn() throws Exception {
        mvc.perform(get("/inbox/rows").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void loginPageIsOpenAndCarriesACsrfToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(header().string(
                                "Content-Security-Policy", ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void rightPasswordSignsInAndOpensTheInbox() throws Exception {
        mvc.perform(post("/login")
                        .param("username", "alice")
                        .param("password", TestUsers.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(authenticated().withUsername("alice"));
    }

    @Test
    void wrongPasswordReturnsToTheLoginPageWithAnError() throws Exception {
        mvc.perform(post("/login")
                        .param("username", "alice")
                        .param("password", "nope")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "alice").param("password", TestUsers.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiStillAnswersWithProblemDetailsNotTheLoginPage() throws Exception {
        mvc.perform(get("/api/approvals"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
