package dev.countersign.service.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    private final TokenSecrets secrets = new TokenSecrets(new SecureRandom());

    @Test
    void tokenIsPrefixedAndCarriesItsIdAndA256BitSecret() {
        String id = secrets.newId();
        String token = secrets.newToken(id);

        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(token).startsWith("cs_" + id + "_");
        String secret = token.substring(("cs_" + id + "_").length());
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        assertThat(TokenSecrets.idOf(token)).contains(id);
    }

    @Test
    void everyTokenIsDifferent() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(secrets.newToken(secrets.newId()));
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void hashIsSha256InHexAndMatchesOnlyItsToken() {
        String token = secrets.newToken(secrets.newId());
        String hash = TokenSecrets.hash(token);

        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(token.substring(20));
        assertThat(TokenSecrets.matches(token, hash)).isTrue();
        assertThat(TokenSecrets.matches(token + "x", hash)).isFalse();
        assertThat(TokenSecrets.matches(token, null)).isFalse();
        assertThat(TokenSecrets.matches(token, "abc")).isFalse();
    }

    @Test
    void malformedTokensHaveNoId() {
        assertThat(TokenSecrets.idOf(null)).isEmpty();
        assertThat(TokenSecrets.idOf("cs_")).isEmpty();
        assertThat(TokenSecrets.idOf("cs_0123456789abcdef_short")).isEmpty();
        assertThat(TokenSecrets.idOf("xx_0123456789abcdef_" + "A".repeat(43))).isEmpty();
        assertThat(TokenSecrets.idOf("cs_0123456789ABCDEF_" + "A".repeat(43))).isEmpty();
        assertThat(TokenSecrets.looksLikeApiToken("eyJhbGciOi")).isFalse();
        assertThat(TokenSecrets.looksLikeApiToken("cs_anything")).isTrue();
    }
}
