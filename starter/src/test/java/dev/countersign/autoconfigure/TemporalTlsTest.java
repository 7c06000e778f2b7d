package dev.countersign.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemporalTlsTest {

    private static Path testCa() throws URISyntaxException {
        return Path.of(TemporalTlsTest.class.getResource("/tls/ca.pem").toURI());
    }

    @Test
    void privateCaBecomesTheClientsTrustAnchor() throws Exception {
        TemporalTlsCustomizer customizer = new TemporalTlsCustomizer(new TemporalTlsProperties(testCa(), null, null));

        WorkflowServiceStubsOptions options = customizer
                .customize(WorkflowServiceStubsOptions.newBuilder().setTarget("temporal.internal:7233"))
                .build();

        assertThat(options.getSslContext()).isNotNull();
        assertThat(customizer.trustManager().getAcceptedIssuers())
                .singleElement()
                .satisfies(
                        ca -> assertThat(ca.getSubjectX500Principal().getName()).contains("countersign-test-ca"));
    }

    @Test
    void unreadableCaFileIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new TemporalTlsProperties(Path.of("/nonexistent/ca.pem"), null, null))
                .hasMessageContaining("countersign.temporal.tls.server-ca-file");
    }

    @Test
    void clientCertificateWithoutKeyIsRefused() throws Exception {
        Path ca = testCa();
        assertThatThrownBy(() -> new TemporalTlsProperties(ca, ca, null))
                .hasMessageContaining("client-cert-file and countersign.temporal.tls.client-key-file");
    }

    @Test
    void fileThatHoldsNoCertificateIsRefused() throws Exception {
        Path notPem = Path.of(
                TemporalTlsTest.class.getResource("/policies/refunds.yaml").toURI());
        TemporalTlsCustomizer customizer = new TemporalTlsCustomizer(new TemporalTlsProperties(notPem, null, null));

        assertThatThrownBy(customizer::trustManager).hasMessageContaining("server-ca-file");
    }
}
