package dev.countersign.service.api;

import dev.countersign.autoconfigure.NotificationProperties;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks the {@code callbackUrl} of a gate: an absolute http or https URL whose host (and port) the
 * operator listed in {@value NotificationProperties#CALLBACK_HOSTS}, so a gate cannot make Countersign
 * POST to an address of the caller's choosing.
 */
final class GateCallbackUrl {

    private static final int MAX_LENGTH = 2048;

    private GateCallbackUrl() {}

    /** The URL as given, when it is allowed; null when none was given. */
    static String checked(String given, NotificationProperties.Callbacks callbacks) {
        if (given == null) {
            return null;
        }
        URI url = parsed(given);
        if (callbacks.hosts().isEmpty()) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    "callbackUrl is refused: this service calls back no host; an operator lists the hosts agents may"
                            + " be called back at in " + NotificationProperties.CALLBACK_HOSTS
                            + ", or leave callbackUrl out");
        }
        if (!callbacks.allows(url)) {
            throw ApiProblem.badRequest(
                    ApiProblem.INVALID_REQUEST,
                    "callbackUrl is refused: its host " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                            + " is not among the hosts of " + NotificationProperties.CALLBACK_HOSTS);
        }
        return given;
    }

    private static URI parsed(String given) {
        try {
            URI url = new URI(given);
            boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            if (given.length() <= MAX_LENGTH && http && url.getHost() != null && url.getRawUserInfo() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, with the other malformed URLs
        }
        throw ApiProblem.badRequest(
                ApiProblem.INVALID_REQUEST,
                "callbackUrl must be an absolute http or https URL with a host and no user info, at most " + MAX_LENGTH
                        + " characters");
    }
}
