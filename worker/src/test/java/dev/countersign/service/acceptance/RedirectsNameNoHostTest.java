package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.acceptance.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Redirects are relative: a request with a forged Host header is not sent to that host (the service
 * takes a host from the request only with {@code COUNTERSIGN_FORWARD_HEADERS} behind a proxy).
 */
class RedirectsNameNoHostTest extends AcceptanceTest {

    @Test
    void theLoginRedirectNamesAPathNotTheHostHeader() {
        Answer answer =
                new RawHttp(port).send("GET /inbox HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login");
    }

    @Test
    void forwardedHeadersAreIgnoredByDefault() {
        Answer answer = new RawHttp(port)
                .send("GET /inbox HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Host: evil.example\r\n"
                        + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login");
    }
}
