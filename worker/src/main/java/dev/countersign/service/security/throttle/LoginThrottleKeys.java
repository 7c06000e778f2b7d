package dev.countersign.service.security.throttle;

import dev.countersign.payload.Digests;

/**
 * How the throttles count a user name or address: as it is, or, when longer than {@value
 * #MAX_KEY_LENGTH} characters, as its SHA-256, so that what they keep is bounded whatever size the
 * names come in; no name counts as the empty one.
 */
final class LoginThrottleKeys {

    static final int MAX_KEY_LENGTH = 64;

    private LoginThrottleKeys() {}

    static String key(String value) {
        if (value == null || value.length() <= MAX_KEY_LENGTH) {
            return value == null ? "" : value;
        }
        return "sha256:" + Digests.sha256Hex(value);
    }
}
