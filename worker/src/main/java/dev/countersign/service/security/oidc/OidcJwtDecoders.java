package dev.countersign.service.security.oidc;

import dev.countersign.service.security.CountersignSecurityProperties.Oidc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The JWT decoder of {@code countersign.security.oidc}: keys from {@code jwk-set-uri} when given, else
 * from the issuer's discovery document, fetched on the first JWT so that the service starts while the
 * provider is down. Signature, expiry and not-before are always checked; the issuer when it is set.
 */
public final class OidcJwtDecoders {

    private static final Logger log = LoggerFactory.getLogger(OidcJwtDecoders.class);

    private OidcJwtDecoders() {}

    public static JwtDecoder decoder(Oidc oidc) {
        if (oidc.jwkSetUri() != null) {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri().toString()).build();
            if (oidc.issuerUri() == null) {
                log.warn(
                        "countersign.security.oidc.issuer-uri is not set: JWTs signed with the keys of {} are"
                                + " accepted whatever their issuer",
                        oidc.jwkSetUri());
                decoder.setJwtValidator(JwtValidators.createDefault());
            } else {
                decoder.setJwtValidator(
                        JwtValidators.createDefaultWithIssuer(oidc.issuerUri().toString()));
            }
            return decoder;
        }
        String issuer = oidc.issuerUri().toString();
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
    }
}
