package dev.countersign.service.gateway;

import dev.countersign.service.api.Problems;
import dev.countersign.service.security.LogSafe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a request to the gateway whose {@code Origin} is not allowed, with 403, as the MCP
 * streamable HTTP transport requires against DNS rebinding: a web page must not reach a local
 * gateway through its visitor's browser. A request without {@code Origin} (an MCP client outside a
 * browser) passes; so does one from the service's own origin.
 */
final class OriginCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OriginCheck.class);

    private final List<String> allowed;
    private final HandlerExceptionResolver resolver;

    OriginCheck(List<String> allowed, HandlerExceptionResolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || allowed.contains(origin) || origin.equals(own(request))) {
            chain.doFilter(request, response);
            return;
        }
        log.warn(
                "refused {} {} from origin {} with 403",
                request.getMethod(),
                LogSafe.text(request.getRequestURI()),
                LogSafe.text(origin));
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "ForeignOrigin",
                "requests from the origin " + origin + " may not use the MCP gateway;"
                        + " allow it with countersign.gateway.allowed-origins");
        problem.setInstance(Problems.instance(request));
        if (resolver.resolveException(
                        request, response, null, new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null))
                == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static String own(HttpServletRequest request) {
        boolean defaultPort = ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
        return request.getScheme() + "://" + request.getServerName()
                + (defaultPort ? "" : ":" + request.getServerPort());
    }
}
