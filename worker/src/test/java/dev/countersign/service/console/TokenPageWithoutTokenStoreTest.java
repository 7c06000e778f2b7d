package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import dev.countersign.service.api.WithTestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Without a token store the console starts, and its tokens page says plainly that tokens are not available. */
@WebMvcTest
@ContextConfiguration(classes = ConsoleTestApplication.class)
@WithTestUsers
class TokenPageWithoutTokenStoreTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void tokensPageExplainsThatTokensAreNotAvailable() throws Exception {
        mvc.perform(get("/tokens").with(alice()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Personal API tokens are not available on this server")));
        mvc.perform(post("/tokens")
                        .with(alice())
                        .with(csrf())
                        .param("name", "cli")
                        .param("lifetime", "30 days"))
                .andExpect(status().isServiceUnavailable());
    }
}
