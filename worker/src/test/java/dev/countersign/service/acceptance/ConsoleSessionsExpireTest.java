package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's login session ends after 30 idle minutes, and its cookie is out of scripts' reach;
 * the API never opens one.
 */
class ConsoleSessionsExpireTest extends AcceptanceTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void sessionsExpireAfterThirtyIdleMinutesWithAnHttpOnlyCookie() {
        ServletContext servlet = context.getServletContext();

        assertThat(servlet).isNotNull();
        assertThat(servlet.getSessionTimeout()).isEqualTo(30);
        assertThat(servlet.getSessionCookieConfig().isHttpOnly()).isTrue();
        assertThat(servlet.getSessionCookieConfig().isSecure())
                .as("Secure only when COUNTERSIGN_SECURE_COOKIE=true, so that the demo works over http://127.0.0.1")
                .isFalse();
    }

    @Test
    void apiCallsOpenNoSession() {
        Reply reply = desk.as("dave").get("/api/tasks?limit=1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Set-Cookie")).isEmpty();
    }
}
