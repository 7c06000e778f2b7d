package dev.countersign.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an unauthenticated request with 401: logs why, then hands the exception to the MVC
 * exception resolvers, so the one {@code @RestControllerAdvice} writes the problem+json body and
 * the {@code WWW-Authenticate: Basic} header.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final HandlerExceptionResolver resolver;

    public ProblemAuthenticationEntryPoint(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        log.info(
                "refused {} {} with 401 (unauthenticated): {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                failure.getMessage());
        if (resolver.resolveException(request, response, null, failure) == null) {
            response.setHeader("WWW-Authenticate", ApiSecurityConfiguration.BASIC_CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
