package dev.countersign.service.gateway;

import dev.countersign.service.api.Problems;
import dev.countersign.service.security.LogSafe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Answers an unauthenticated request to the gateway with 401, a problem+json body and the challenge
 * MCP clients read: {@code Bearer resource_metadata="<base>/.well-known/oauth-protected-resource"}
 * (RFC 9728), with {@code error="invalid_token"} when a token was sent and refused.
 */
final class GatewayEntryPoint implements AuthenticationEntryPoint {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private static final Logger log = LoggerFactory.getLogger(GatewayEntryPoint.class);

    private final HandlerExceptionResolver resolver;

    GatewayEntryPoint(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean refusedToken = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        log.info(
                "refused {} {} with 401: {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                LogSafe.text(failure.getMessage()));
        String challenge = "Bearer resource_metadata=\"" + base(request) + METADATA_PATH + "\""
                + (refusedToken ? ", error=\"invalid_token\"" : "");
        String detail = refusedToken
                ? "the bearer token was refused: " + reason(failure)
                : "authentication required: send Authorization: Bearer with a Countersign API token (cs_...) or a"
                        + " JWT of the identity provider";
        ProblemDetail problem =
                Problems.of(HttpStatus.UNAUTHORIZED, refusedToken ? "InvalidToken" : "Unauthenticated", detail);
        problem.setInstance(Problems.instance(request));
        ErrorResponseException answer = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        answer.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        if (resolver.resolveException(request, response, null, answer) == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    private static String reason(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getDescription() != null) {
            return oauth.getError().getDescription();
        }
        return failure.getMessage();
    }
}
