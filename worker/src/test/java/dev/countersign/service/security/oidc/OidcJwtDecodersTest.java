package dev.countersign.service.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.countersign.service.security.CountersignSecurityProperties.Oidc;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The decoder of countersign.security.oidc against a local provider: discovery, JWK set, issuer. */
@ExtendWith(OutputCaptureExtension.class)
class OidcJwtDecodersTest {

    private final RSAKey key = rsaKey();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer provider;
    private String issuer;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/demo";
        serve("/realms/demo/.well-known/openid-configuration", """
                {"issuer":"%s","jwks_uri":"%s/keys","subject_types_supported":["public"]}
                """.formatted(issuer, issuer));
        serve("/realms/demo/keys", new JWKSet(key.toPublicJWK()).toString());
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void issuerAloneFindsTheKeysThroughDiscoveryOnTheFirstToken() {
        JwtDecoder decoder = OidcJwtDecoders.decoder(new Oidc(URI.create(issuer), null, null, null));

        assertThat(requests).as("nothing is fetched before the first token").hasValue(0);
        assertThat(decoder.decode(jwt(issuer)).getSubject()).isEqualTo("alice");
        assertThat(requests.get()).isPositive();
        assertThatThrownBy(() -> decoder.decode(jwt("https://evil.example.com")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void jwkSetWithIssuerChecksTheIssuer() {
        JwtDecoder decoder =
                OidcJwtDecoders.decoder(new Oidc(URI.create(issuer), URI.create(issuer + "/keys"), null, null));

        assertThat(decoder.decode(jwt(issuer)).getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(jwt("https://evil.example.com")))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void jwkSetWithoutIssuerAcceptsAnyIssuerAndSaysSo(CapturedOutput output) {
        JwtDecoder decoder = OidcJwtDecoders.decoder(new Oidc(null, URI.create(issuer + "/keys"), null, null));

        assertThat(decoder.decode(jwt("https://anyone.example.com")).getSubject())
                .isEqualTo("alice");
        assertThat(output.getOut()).contains("countersign.security.oidc.issuer-uri is not set");
    }

    private void serve(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        provider.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private String jwt(String tokenIssuer) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .subject("alice")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
