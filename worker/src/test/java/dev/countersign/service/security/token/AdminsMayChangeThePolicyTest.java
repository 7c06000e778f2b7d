package dev.countersign.service.security.token;

import static dev.countersign.service.api.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.countersign.client.Countersign;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The chain lets admins through to policy changes. No endpoint changes the policy yet, so an admin's
 * request ends in 404 where an operator's ends in 403.
 */
@TokenApiTest
class AdminsMayChangeThePolicyTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Countersign countersign;

    @Test
    void adminPassesTheChainForPolicyChanges() throws Exception {
        mvc.perform(put("/api/policy/rules/small-refunds").with(as("ada"))).andExpect(status().isNotFound());
        mvc.perform(put("/api/policy/rules/small-refunds").with(as("olga"))).andExpect(status().isForbidden());
    }
}
