package dev.countersign.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * TLS to a Temporal server whose certificate is signed by a private CA, which the Temporal starter's
 * {@code spring.temporal.connection.mtls} properties cannot express. Set {@code server-ca-file},
 * and the client certificate and key too when the server requires mutual TLS. For servers with a
 * publicly trusted certificate (Temporal Cloud) use the starter's properties instead.
 *
 * @param serverCaFile PEM file of the CA that signed the server's certificate
 * @param clientCertFile PEM certificate chain of this client, for mutual TLS
 * @param clientKeyFile PEM PKCS#8 private key of this client, for mutual TLS
 */
@ConfigurationProperties("countersign.temporal.tls")
public record TemporalTlsProperties(Path serverCaFile, Path clientCertFile, Path clientKeyFile) {

    private static final String PREFIX = "countersign.temporal.tls.";

    public TemporalTlsProperties {
        requireReadable("server-ca-file", serverCaFile);
        requireReadable("client-cert-file", clientCertFile);
        requireReadable("client-key-file", clientKeyFile);
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException(
                    PREFIX + "client-cert-file and " + PREFIX + "client-key-file must be set together");
        }
        if (serverCaFile == null && clientCertFile != null) {
            throw new IllegalArgumentException(PREFIX + "server-ca-file must be set with a client certificate;"
                    + " without a private CA use spring.temporal.connection.mtls.* instead");
        }
    }

    private static void requireReadable(String property, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalArgumentException(PREFIX + property + " names a file that cannot be read: " + file);
        }
    }

    public boolean configured() {
        return serverCaFile != null;
    }
}
