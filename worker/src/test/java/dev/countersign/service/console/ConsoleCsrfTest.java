package dev.countersign.service.console;

import static dev.countersign.service.console.ConsoleFixtures.alice;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A console POST without the CSRF token (or with a forged one) changes nothing and is refused with 403. */
@ConsoleTest
class ConsoleCsrfTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void decisionWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/approvals/t-1.a2/decision")
                        .with(alice())
                        .param("decision", "approve")
                        .param("argsDigest", "sha256:abc"))
                .andExpect(status().isForbidden());
        verify(countersign, never()).decide(any());
    }

    @Test
    void decisionWithAForgedCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/approvals/t-1.a2/decision")
                        .with(alice())
                        .with(csrf().useInvalidToken())
                        .param("decision", "approve")
                        .param("argsDigest", "sha256:abc"))
                .andExpect(status().isForbidden());
        verify(countersign, never()).decide(any());
    }

    @Test
    void bulkApprovalGuidanceAndTokensNeedTheTokenToo() throws Exception {
        mvc.perform(post("/inbox/approve").with(alice()).param("selected", "t-1.a2 sha256:abc"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/t-1/guidance").with(alice()).param("text", "go"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tokens").with(alice()).param("name", "cli").param("lifetime", "30 days"))
                .andExpect(status().isForbidden());
        verify(countersign, never()).decide(any());
        verify(countersign, never()).guide(any(), any());
    }
}
