package dev.countersign.service.security;

import dev.countersign.service.api.Problems;
import dev.countersign.service.security.throttle.LoginThrottled;
import dev.countersign.service.security.token.ApiTokenRejected;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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

/**
 * Answers an unauthenticated request with 401: logs why (for an API token, its id and owner, never
 * its secret), then hands the failure to the MVC exception resolvers, so the one
 * {@code @RestControllerAdvice} writes the problem+json body. A refused bearer token is an
 * {@code InvalidToken} problem with a {@code Bearer error="invalid_token"} challenge and the reason;
 * a request without credentials is challenged for Basic, or for a bearer token when Basic is off.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    private static final String TYPE_BASE = "https://countersign.dev/problems/";

    private final HandlerExceptionResolver resolver;
    private final boolean basicEnabled;

    public ProblemAuthenticationEntryPoint(HandlerExceptionResolver resolver) {
        this(resolver, true);
    }

    public ProblemAuthenticationEntryPoint(HandlerExceptionResolver resolver, boolean basicEnabled) {
        this.resolver = resolver;
        this.basicEnabled = basicEnabled;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottled throttled) {
            tooManyAttempts(request, response, throttled);
            return;
        }
        log.info(
                "refused {} {} with 401 (unauthenticated): {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                LogSafe.text(failure.getMessage()));
        Exception answer = answer(request, failure);
        if (resolver.resolveException(request, response, null, answer) == null) {
            response.setHeader(
                    HttpHeaders.WWW_AUTHENTICATE,
                    basicEnabled
                            ? ApiSecurityConfiguration.BASIC_CHALLENGE
                            : ApiSecurityConfiguration.BEARER_CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    /** 429 with Retry-After; the throttle logged its decision when it started, so nothing is logged per attempt. */
    private void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, LoginThrottled throttled)
            throws IOException {
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "LoginThrottled",
                "too many failed logins for this user name or from this address; try again after " + throttled.until()
                        + " (in " + throttled.retryAfterSeconds() + " s)");
        problem.setProperty("retryAfter", throttled.until().toString());
        problem.setInstance(Problems.instance(request));
        ErrorResponseException answer = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        answer.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        if (resolver.resolveException(request, response, null, answer) == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }

    private Exception answer(HttpServletRequest request, AuthenticationException failure) {
        if (failure instanceof ApiTokenRejected rejected) {
            return invalidToken(request, rejected.clientDetail());
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return invalidToken(
                    request,
                    "the bearer token was refused: "
                            + (description == null ? oauth.getError().getErrorCode() : description));
        }
        if (!basicEnabled) {
            return problem(
                    request,
                    "Unauthenticated",
                    "Unauthenticated",
                    "authentication required: send a bearer token (a Countersign API token or a JWT of the"
                            + " identity provider)",
                    ApiSecurityConfiguration.BEARER_CHALLENGE);
        }
        return failure;
    }

    private static ErrorResponseException invalidToken(HttpServletRequest request, String detail) {
        return problem(
                request,
                "InvalidToken",
                "Invalid token",
                detail,
                ApiSecurityConfiguration.BEARER_CHALLENGE + ", error=\"invalid_token\"");
    }

    private static ErrorResponseException problem(
            HttpServletRequest request, String code, String title, String detail, String challenge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(URI.create(TYPE_BASE + title.toLowerCase().replace(' ', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        problem.setInstance(instance(request));
        ErrorResponseException answer = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        answer.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return answer;
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException unusual) {
            return null;
        }
    }
}
