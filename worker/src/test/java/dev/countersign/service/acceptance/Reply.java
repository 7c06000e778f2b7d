package dev.countersign.service.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** One HTTP answer of the service: status, headers, the body as text and as a JSON tree. */
record Reply(String request, int status, HttpHeaders headers, String text, JsonNode json) {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Asserts the status and returns the body; a failure shows the whole answer. */
    JsonNode ok(int expectedStatus) {
        assertThat(status).as("status of %s, which answered %s", request, text).isEqualTo(expectedStatus);
        return json;
    }

    /**
     * Asserts an RFC 9457 problem with this status and {@code code} (null: a problem without one),
     * and returns it.
     */
    JsonNode problem(int expectedStatus, String expectedCode) {
        assertThat(status).as("status of %s, which answered %s", request, text).isEqualTo(expectedStatus);
        assertThat(header("Content-Type")).as("content type of %s", request).startsWith(PROBLEM_JSON);
        assertThat(json.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(json.path("detail").asString()).as("detail of %s", request).isNotBlank();
        assertThat(json.path("instance").asString())
                .as("instance of %s", request)
                .startsWith("/");
        if (expectedCode == null) {
            assertThat(json.has("code")).as("%s has no code", text).isFalse();
            assertThat(json.path("type").asString()).isEqualTo("about:blank");
        } else {
            assertThat(json.path("code").asString()).as("code of %s", text).isEqualTo(expectedCode);
            assertThat(json.path("type").asString()).startsWith("https://countersign.dev/problems/");
        }
        return json;
    }

    String header(String name) {
        return headers.firstValue(name).orElse("");
    }
}
