package dev.countersign.service.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** HTTP Basic credentials of the users {@link WithTestUsers} configures. */
public final class TestUsers {

    public static final String PASSWORD = "test-secret";

    private TestUsers() {}

    public static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }
}
