package dev.countersign.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an authenticated request the filter chain refuses with 403: logs who and why, then hands
 * the exception to the MVC exception resolvers, which write the problem+json body.
 */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAccessDeniedHandler.class);

    private final HandlerExceptionResolver resolver;

    public ProblemAccessDeniedHandler(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        log.warn(
                "refused {} {} for '{}' with 403: {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                LogSafe.text(request.getRemoteUser()),
                denied.getMessage());
        if (resolver.resolveException(request, response, null, denied) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
