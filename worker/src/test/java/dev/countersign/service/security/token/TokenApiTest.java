package dev.countersign.service.security.token;

import dev.countersign.service.api.ApiTestApplication;
import dev.countersign.service.api.TestUsers;
import dev.countersign.service.api.WithTestUsers;
import dev.countersign.service.testing.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A MockMvc test of the API with its real security, the API tokens on an in-memory H2 database, the
 * {@link WithTestUsers} and ada, an admin. One context for every class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ContextConfiguration(classes = {ApiTestApplication.class, TokenApiTest.Tokens.class})
@WithTestUsers
@TestPropertySource(
        properties = {
            "countersign.security.users.ada.password={noop}" + TestUsers.PASSWORD,
            "countersign.security.users.ada.groups=admins",
        })
@interface TokenApiTest {

    @Configuration(proxyBeanMethods = false)
    @Import({ApiTokenConfiguration.class, ApiTokenController.class, TestDatabase.class})
    class Tokens {}
}
