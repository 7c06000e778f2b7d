package dev.countersign.autoconfigure;

import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Makes the Temporal client trust the private CA of {@link TemporalTlsProperties}, with mTLS if set. */
public class TemporalTlsCustomizer implements TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> {

    private final TemporalTlsProperties tls;

    public TemporalTlsCustomizer(TemporalTlsProperties tls) {
        this.tls = tls;
    }

    @Override
    public WorkflowServiceStubsOptions.Builder customize(WorkflowServiceStubsOptions.Builder options) {
        try {
            SimpleSslContextBuilder ssl = tls.clientCertFile() == null
                    ? SimpleSslContextBuilder.noKeyOrCertChain()
                    : SimpleSslContextBuilder.forPKCS8(
                            Files.newInputStream(tls.clientCertFile()), Files.newInputStream(tls.clientKeyFile()));
            return options.setSslContext(ssl.setTrustManager(trustManager()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up TLS from countersign.temporal.tls.*: " + e.getMessage(), e);
        }
    }

    X509TrustManager trustManager() {
        try (InputStream pem = Files.newInputStream(tls.serverCaFile())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                store.setCertificateEntry("ca-" + index++, (X509Certificate) certificate);
            }
            if (index == 0) {
                throw new IllegalArgumentException(
                        "countersign.temporal.tls.server-ca-file holds no certificate: " + tls.serverCaFile());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read countersign.temporal.tls.server-ca-file " + tls.serverCaFile(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "countersign.temporal.tls.server-ca-file is not a PEM certificate: " + tls.serverCaFile(), e);
        }
    }
}
