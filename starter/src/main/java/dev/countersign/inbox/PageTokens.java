package dev.countersign.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Page tokens as they travel in URLs: base64url without padding, so they need no escaping. */
final class PageTokens {

    static final int MAX_LENGTH = 4096;

    private PageTokens() {}

    static String of(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes of a token; throws {@link InvalidPageToken} for one that is not base64url. */
    static byte[] bytes(String token) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    static String text(String token) {
        return new String(bytes(token), StandardCharsets.UTF_8);
    }

    static InvalidPageToken invalid() {
        return new InvalidPageToken("pageToken is not a token this server issued: ask for the first page again");
    }
}
