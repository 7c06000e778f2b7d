package dev.countersign.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an authenticated request the filter chain refuses with 403: logs who, what and the
 * authority that was missing, then hands the exception to the MVC exception resolvers, which write
 * the problem+json body.
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
                "refused {} {} for {} with 403: {}",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                LogSafe.caller(request.getUserPrincipal()),
                why(denied));
        if (resolver.resolveException(request, response, null, denied) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static String why(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException refused
                && refused.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
            return "needs one of the authorities "
                    + decision.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .collect(Collectors.joining(", ", "[", "]"));
        }
        return denied.getMessage();
    }
}
