package dev.countersign.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates Basic credentials or a bearer token when they are valid, and otherwise lets the
 * request go on as anonymous instead of refusing it: for endpoints that answer anyone, where valid
 * credentials only add to the answer (health details for operators). A refused credential is
 * logged (and, for Basic, counted as any failed login is, through the authentication events).
 */
final class OptionalCredentials extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OptionalCredentials.class);

    private final AuthenticationManager basic;
    private final BearerAuthentication bearer;
    private final BasicAuthenticationConverter basicCredentials = new BasicAuthenticationConverter();
    private final DefaultBearerTokenResolver bearerToken = new DefaultBearerTokenResolver();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /** {@code basic} is null when HTTP Basic is off; {@code bearer} may accept no token at all. */
    OptionalCredentials(AuthenticationManager basic, BearerAuthentication bearer) {
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Authentication authenticated = authenticate(request);
            if (authenticated != null) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authenticated);
                contexts.setContext(context);
            }
        } catch (AuthenticationException refused) {
            log.info(
                    "{} {}: the credentials were refused ({}); answering as to anyone",
                    request.getMethod(),
                    LogSafe.text(request.getRequestURI()),
                    LogSafe.text(refused.getMessage()));
        }
        chain.doFilter(request, response);
    }

    private Authentication authenticate(HttpServletRequest request) {
        if (basic != null) {
            Authentication claimed = basicCredentials.convert(request);
            if (claimed != null) {
                return basic.authenticate(claimed);
            }
        }
        if (bearer.acceptsAny()) {
            String token = bearerToken.resolve(request);
            if (token != null) {
                return bearer.authenticate(new BearerTokenAuthenticationToken(token));
            }
        }
        return null;
    }
}
