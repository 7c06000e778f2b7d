package dev.countersign.service.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * How a stateless filter chain (the API's, the actuator's, the fallback) authenticates: HTTP Basic
 * unless it is turned off, bearer tokens when any are accepted, no session, and failures as
 * problem+json.
 */
public record StatelessAuthentication(
        boolean basicEnabled,
        BearerAuthentication bearer,
        ProblemAuthenticationEntryPoint entryPoint,
        ProblemAccessDeniedHandler denied) {

    /** Applies this authentication to the chain being built and returns it for more settings. */
    public HttpSecurity applyTo(HttpSecurity http) throws Exception {
        if (basicEnabled) {
            http.httpBasic(
                    basic -> basic.realmName(ApiSecurityConfiguration.REALM).authenticationEntryPoint(entryPoint));
        }
        if (bearer.acceptsAny()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationManagerResolver(request -> bearer::authenticate)
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied));
        }
        return http.exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
