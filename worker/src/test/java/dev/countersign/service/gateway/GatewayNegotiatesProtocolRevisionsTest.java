package dev.countersign.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The revisions the gateway speaks: those of the MCP Java SDK 2.0.1 server are accepted as asked; a
 * newer one (2026-07-28) is answered with the newest the SDK knows, 2025-11-25, as the spec's
 * negotiation says, and the client decides whether to go on.
 */
class GatewayNegotiatesProtocolRevisionsTest extends GatewayTest {

    @ParameterizedTest
    @CsvSource({"2025-06-18, 2025-06-18", "2025-11-25, 2025-11-25", "2026-07-28, 2025-11-25"})
    void initializeAnswersTheRevisionItSpeaks(String asked, String answered) {
        HttpResponse<String> initialized = initialize(asked, "Authorization", "Bearer " + token("dave"));

        assertThat(initialized.statusCode()).isEqualTo(200);
        assertThat(initialized.body()).contains("\"protocolVersion\":\"" + answered + "\"");
        assertThat(initialized.headers().firstValue("Mcp-Session-Id")).isPresent();
    }
}
