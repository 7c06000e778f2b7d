package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static dev.countersign.service.console.ConsoleFixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Personal tokens from the console: the secret is shown once, never listed, and only its owner revokes it. */
@ConsoleTest
class TokenPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestApiTokens tokens;

    @MockitoBean
    Countersign countersign;

    @BeforeEach
    void noTokens() {
        tokens.clear();
    }

    @Test
    void newTokensSecretIsShownOnceAndNeverAgain() throws Exception {
        String page = mvc.perform(post("/tokens")
                        .with(alice())
                        .with(csrf())
                        .param("name", "laptop CLI")
                        .param("lifetime", "30 days"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var issued = tokens.list("alice").get(0);
        assertThat(issued.name()).isEqualTo("laptop CLI");
        assertThat(issued.expiresAt()).isNotNull();
        assertThat(page).contains("shown this once").contains("value=\"cst_");

        String secret = page.replaceAll("(?s).*value=\"(cst_[0-9a-f]+)\".*", "$1");
        mvc.perform(get("/tokens").with(alice()))
                .andExpect(content().string(containsString("laptop CLI")))
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void tokenWithoutANameIsNotCreated() throws Exception {
        mvc.perform(post("/tokens")
                        .with(alice())
                        .with(csrf())
                        .param("name", " ")
                        .param("lifetime", "30 days"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the token a name")));
        assertThat(tokens.list("alice")).isEmpty();
    }

    @Test
    void adminSeesEveryonesTokensAndRevokesThem() throws Exception {
        String id = tokens.issue("bob", "bob's laptop", null).info().id();

        mvc.perform(get("/tokens").with(ConsoleFixtures.signedIn("ada", "admins")))
                .andExpect(content().string(containsString("Everyone's tokens")))
                .andExpect(content().string(containsString("bob&#39;s laptop")))
                .andExpect(content().string(containsString("aria-label=\"Revoke token bob&#39;s laptop of bob\"")))
                .andExpect(content().string(containsString("action=\"/tokens/" + id + "/revoke\"")));
        mvc.perform(post("/tokens/" + id + "/revoke")
                        .with(ConsoleFixtures.signedIn("ada", "admins"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/tokens"));
        assertThat(tokens.find(id).orElseThrow().revokedBy()).isEqualTo("ada");
        mvc.perform(get("/tokens").with(ConsoleFixtures.signedIn("ada", "admins")))
                .andExpect(content().string(not(containsString("action=\"/tokens/" + id + "/revoke\""))));
    }

    @Test
    void ownerRevokesAndOthersCannot() throws Exception {
        String id = tokens.issue("alice", "ci", null).info().id();

        mvc.perform(post("/tokens/" + id + "/revoke").with(bob()).with(csrf())).andExpect(status().isNotFound());
        assertThat(tokens.find(id).orElseThrow().revokedAt()).isNull();

        mvc.perform(post("/tokens/" + id + "/revoke").with(alice()).with(csrf()))
                .andExpect(redirectedUrl("/tokens"));
        assertThat(tokens.find(id).orElseThrow().revokedBy()).isEqualTo("alice");
    }
}
