package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.service.acceptance.RawHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A policy reload needs a JSON request, which no cross-site form can send: a page that makes an
 * admin's browser post to /api/policy/reload (with the admin's cached Basic credentials) is refused
 * with 415 and reloads nothing.
 */
class PolicyReloadNeedsJsonTest extends AcceptanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"})
    void aCrossSiteFormPostIsRefused(String contentType) {
        Answer answer = new RawHttp(port)
                .send("POST /api/policy/reload HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RawHttp.basic("ada")
                        + "\r\nOrigin: https://evil.example\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aPostWithoutAContentTypeIsRefused() {
        Answer answer = new RawHttp(port)
                .send("POST /api/policy/reload HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RawHttp.basic("ada")
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anEmptyJsonObjectOrAnEmptyJsonBodyReloads() {
        assertThat(desk.as("ada")
                        .post("/api/policy/reload", Map.of())
                        .ok(200)
                        .path("changed")
                        .asBoolean())
                .isFalse();

        Answer empty = new RawHttp(port)
                .send("POST /api/policy/reload HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + RawHttp.basic("ada")
                        + "\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(empty.status()).isEqualTo(200);
    }
}
